"""Capital cities and the countries whose governments news names by them ("Moscow said", "Beijing
warned"): the one piece of outside knowledge the speaker reading uses, so that "Moscow" and "Russia"
are one speaker, not two. The country is named as English news names it ("Britain", "South Korea").
"""

from __future__ import annotations

_TABLE = """
Kabul=Afghanistan Tirana=Albania Algiers=Algeria Luanda=Angola Yerevan=Armenia Canberra=Australia
Vienna=Austria Baku=Azerbaijan Nassau=Bahamas Manama=Bahrain Dhaka=Bangladesh Minsk=Belarus
Brussels=Belgium Thimphu=Bhutan Sarajevo=Bosnia Gaborone=Botswana Brasilia=Brazil Brasília=Brazil
Sofia=Bulgaria Ouagadougou=Burkina_Faso Gitega=Burundi Bujumbura=Burundi Phnom_Penh=Cambodia
Yaounde=Cameroon Yaoundé=Cameroon Ottawa=Canada Bangui=Central_African_Republic Santiago=Chile
Beijing=China Peking=China Bogota=Colombia Bogotá=Colombia Kinshasa=Congo Brazzaville=Republic_of_the_Congo
Zagreb=Croatia Havana=Cuba Nicosia=Cyprus Prague=Czech_Republic Copenhagen=Denmark Djibouti=Djibouti
Quito=Ecuador Cairo=Egypt Asmara=Eritrea Tallinn=Estonia Addis_Ababa=Ethiopia Helsinki=Finland
Paris=France Libreville=Gabon Banjul=Gambia Tbilisi=Georgia Berlin=Germany Bonn=Germany Accra=Ghana
Athens=Greece Guatemala_City=Guatemala Conakry=Guinea Georgetown=Guyana Port-au-Prince=Haiti
Tegucigalpa=Honduras Budapest=Hungary Reykjavik=Iceland New_Delhi=India Delhi=India Jakarta=Indonesia
Tehran=Iran Baghdad=Iraq Dublin=Ireland Jerusalem=Israel Rome=Italy Kingston=Jamaica Tokyo=Japan
Amman=Jordan Astana=Kazakhstan Nairobi=Kenya Pristina=Kosovo Bishkek=Kyrgyzstan Vientiane=Laos
Riga=Latvia Beirut=Lebanon Maseru=Lesotho Monrovia=Liberia Tripoli=Libya Vilnius=Lithuania
Luxembourg=Luxembourg Antananarivo=Madagascar Lilongwe=Malawi Kuala_Lumpur=Malaysia Bamako=Mali
Valletta=Malta Nouakchott=Mauritania Mexico_City=Mexico Chisinau=Moldova Ulaanbaatar=Mongolia
Podgorica=Montenegro Rabat=Morocco Maputo=Mozambique Naypyitaw=Myanmar Rangoon=Myanmar Yangon=Myanmar
Windhoek=Namibia Kathmandu=Nepal Amsterdam=Netherlands The_Hague=Netherlands Wellington=New_Zealand
Managua=Nicaragua Niamey=Niger Abuja=Nigeria Pyongyang=North_Korea Skopje=North_Macedonia Oslo=Norway
Muscat=Oman Islamabad=Pakistan Ramallah=Palestinians Panama_City=Panama Asuncion=Paraguay Lima=Peru
Manila=Philippines Warsaw=Poland Lisbon=Portugal Doha=Qatar Bucharest=Romania Moscow=Russia
Kigali=Rwanda Riyadh=Saudi_Arabia Dakar=Senegal Belgrade=Serbia Freetown=Sierra_Leone
Singapore=Singapore Bratislava=Slovakia Ljubljana=Slovenia Mogadishu=Somalia Pretoria=South_Africa
Seoul=South_Korea Juba=South_Sudan Madrid=Spain Colombo=Sri_Lanka Khartoum=Sudan Paramaribo=Suriname
Stockholm=Sweden Bern=Switzerland Damascus=Syria Taipei=Taiwan Dushanbe=Tajikistan Dodoma=Tanzania
Bangkok=Thailand Lome=Togo Tunis=Tunisia Ankara=Turkey Ashgabat=Turkmenistan Kampala=Uganda
Kyiv=Ukraine Kiev=Ukraine Abu_Dhabi=United_Arab_Emirates London=Britain Washington=United_States
Montevideo=Uruguay Tashkent=Uzbekistan Caracas=Venezuela Hanoi=Vietnam Sanaa=Yemen Lusaka=Zambia
Harare=Zimbabwe
"""

# "moscow" -> "Russia": a one-word capital only (a speaker's name is read one word at a time).
CAPITALS = {
    capital.lower(): country.replace("_", " ")
    for capital, country in (entry.split("=") for entry in _TABLE.split())
    if "_" not in capital
}


def country_of(name: str) -> str | None:
    """The country a one-word capital stands for ("Moscow" -> "Russia"); None for any other name."""
    return CAPITALS.get(name.lower())


# "south korea", "russia", "united states": every country of the table, as a speaker's key is written.
COUNTRIES = frozenset(country.lower() for country in CAPITALS.values())
