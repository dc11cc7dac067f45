"""Electronic seals: imprint imaging and the GB/T 38540 seal format."""
