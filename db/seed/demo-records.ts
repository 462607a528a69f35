/**
 * The demo dataset of docs/demo-data.md, exactly. Days are counted back from the
 * moment the seed runs, so the demo never ages out.
 */
export const demoTaxIds = [
  { taxId: "411234567", legalName: "Lakeside Family Clinic", addressLine1: "100 Lake St", city: "Minneapolis", state: "MN", postalCode: "55401" },
  { taxId: "412345678", legalName: "Northside Pediatrics", addressLine1: "200 North Ave", city: "Saint Paul", state: "MN", postalCode: "55101" },
  { taxId: "413456789", legalName: "Riverbend Orthopedics", addressLine1: "300 River Rd", city: "Duluth", state: "MN", postalCode: "55802" },
  { taxId: "413456790", legalName: "Riverbend Orthopedics", addressLine1: "300 River Rd", city: "Duluth", state: "MN", postalCode: "55802" },
  { taxId: "414567890", legalName: "Prairie Health Partners", addressLine1: "400 Prairie Blvd", city: "Rochester", state: "MN", postalCode: "55901" },
  { taxId: "415678901", legalName: "Birchwood Clinic", addressLine1: "500 Birch Ln", city: "Bloomington", state: "MN", postalCode: "55420" },
] as const;

export const demoNpis = [
  { npi: "1234567893", type: "organization", name: "Lakeside Family Clinic", taxIds: ["411234567"] },
  { npi: "1045678012", type: "individual", name: "Ann Rivera, MD", taxIds: ["411234567"] },
  { npi: "1450239870", type: "organization", name: "Northside Pediatrics", taxIds: ["412345678"] },
  { npi: "1600123453", type: "organization", name: "Riverbend Orthopedics", taxIds: ["413456789", "413456790"] },
  { npi: "1823456706", type: "organization", name: "Prairie Health Partners", taxIds: ["414567890"] },
  { npi: "1908765435", type: "organization", name: "Birchwood Clinic", taxIds: ["415678901"] },
] as const;

export const demoChecks = [
  { checkNumber: "7001001", vendorNumber: "100234", taxId: "411234567", npi: "1234567893", amountCents: 124050, daysAgo: 20 },
  { checkNumber: "6990001", vendorNumber: "100234", taxId: "411234567", npi: "1234567893", amountCents: 7500, daysAgo: 400 },
  { checkNumber: "7001002", vendorNumber: "100310", taxId: "412345678", npi: "1450239870", amountCents: 31000, daysAgo: 35 },
  { checkNumber: "7001003", vendorNumber: "100455", taxId: "413456789", npi: "1600123453", amountCents: 201500, daysAgo: 10 },
  { checkNumber: "7001004", vendorNumber: "100456", taxId: "413456790", npi: "1600123453", amountCents: 9640, daysAgo: 12 },
] as const;

export const demoNotices = [{ noticeNumber: "NP4400123", taxId: "414567890", npi: "1823456706", daysAgo: 15 }] as const;

/** Demo-only credentials: they exist in this seed and nowhere in the application code. */
export const demoAccounts = {
  delegate: {
    firstName: "Pat",
    lastName: "Morgan",
    email: "pat.morgan@northside.example",
    phone: "6515550142",
    password: "northside-demo-pass",
    taxId: "412345678",
    checkNumber: "7001002",
  },
  staff: {
    firstName: "Riley",
    lastName: "Reyes",
    email: "riley.reyes@staff.example",
    phone: "6125550199",
    password: "staff-demo-password",
  },
} as const;
