"""Text: what is read off the text itself (prose, sentences, bigrams, dates, speakers, copies)."""
