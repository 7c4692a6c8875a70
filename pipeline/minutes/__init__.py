"""The minutes stage: agenda items, speakers, decisions and votes read from session minutes."""
