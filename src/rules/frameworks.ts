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
} as const;
