"""The seal office (印章管理): imprint uploads and their review (JSON API, review page and admin queue), seal issuance and collection, seal authorisations."""
