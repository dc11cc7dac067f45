"""Keys (密钥管理): this device's keys, their backups, and keys others backed up here."""
