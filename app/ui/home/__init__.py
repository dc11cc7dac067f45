"""The home page: what needs doing next across licences, keys and bids."""
