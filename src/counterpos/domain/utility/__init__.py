"""The utility desk's pure rules: tariffs, reads, read files, SB 998's calendar, calculations."""
