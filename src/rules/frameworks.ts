/** Control ids reused by several rules, so each mapping is stated once. */
export const CONTROLS = {
  gdprSecurityOfProcessing: "Art. 32(1)(a)",
  gdprResilience: "Art. 32(1)(b)",
  gdprByDesign: "Art. 25",
  ccpaReasonableSecurity: "1798.150(a)",
  ccpaSecurityDuty: "1798.100(e)",
  hipaaEncryptionAtRest: "164.312(a)(2)(iv)",
  hipaaIntegrity: "164.312(c)(1)",
  hipaaContingency: "164.308(a)(7)",
  pciStoredDataUnreadable: "3.5.1",
  pciKeyProtection: "3.6.1",
  pciKeyCryptoperiod: "3.7.4",
  pciKeyRetirement: "3.7.5",
  // Network isolation.
  hipaaAccessControl: "164.312(a)(1)",
  hipaaTransmissionSecurity: "164.312(e)(1)",
  pciInboundRestricted: "1.3.1",
  pciTrustedUntrustedControlled: "1.4.1",
  pciStoredDataNotReachable: "1.4.4",
  pciStrongCryptoInTransit: "4.2.1",
  cisS3DenyHttp: "2.1.1",
  cisS3BlockPublicAccess: "2.1.4",
  cisRdsNotPublic: "2.3.3",
  cisSgAdminPortsIpv4: "5.2",
  cisSgAdminPortsIpv6: "5.3",
  // Least-privilege IAM (HIPAA access control 164.312(a)(1) is hipaaAccessControl above).
  gdprConfidentiality: "Art. 32(1)(b)",
  gdprNotAccessibleByDefault: "Art. 25(2)",
  hipaaAccessManagement: "164.308(a)(4)",
  pciAccessControlModel: "7.2.1",
  pciLeastPrivilege: "7.2.2",
  pciPrivilegesApproved: "7.2.3",
  pciSystemAccounts: "7.2.5",
  pciCardholderDataQueries: "7.2.6",
} as const;

/** Rules about customer data reachable by anyone (public ACLs, policies, shares). */
export const PUBLIC_EXPOSURE_FRAMEWORKS = {
  gdpr: [CONTROLS.gdprResilience, CONTROLS.gdprByDesign],
  ccpa: [CONTROLS.ccpaReasonableSecurity],
  "pci-dss-4.0": [CONTROLS.pciStoredDataNotReachable],
  hipaa: [CONTROLS.hipaaAccessControl],
};
