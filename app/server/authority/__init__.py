"""The registration authority (登记机关): enterprise registry, real-name checks, licence certificates, managers, agent authorisations, revocation and the CRL."""
