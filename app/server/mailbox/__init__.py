"""The key-backup mailbox (docs/protocols/key-backup.md §4): a relay of sealed messages between
devices of one enterprise, and the key registry's backup state. It never sees a usable key."""
