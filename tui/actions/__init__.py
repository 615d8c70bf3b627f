"""What the user can do, by what it changes. Each mixin is mixed into `BriefingApp` and typed against
the `Briefing` protocol (tui.briefing); none does any summarizing: each is a core call plus a redraw."""

from .budget import BudgetActions
from .choosing import ChoosingActions
from .export import ExportActions
from .sources import SourceActions
from .views import ViewActions

__all__ = ["BudgetActions", "ChoosingActions", "ExportActions", "SourceActions", "ViewActions"]
