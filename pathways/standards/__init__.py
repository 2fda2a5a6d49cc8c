"""Open standards: the registry as HSDS 3.0 and FHIR R4, and HSDS back into a registry."""
