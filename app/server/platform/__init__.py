"""The e-bidding platform (电子招投标平台): projects, bid uploads with signed receipts, the opening, and the encryption-key registry."""
