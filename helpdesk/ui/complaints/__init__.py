"""The complaint list and the complaint sheet form."""
