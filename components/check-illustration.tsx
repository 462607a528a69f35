export type CheckHighlight = "vendor" | "npi";

/**
 * A sample check from the health plan, showing where the check number and the vendor number
 * (or, when the person enters the NPI instead, the payee's NPI) are printed. Drawn in SVG (no
 * image file), with the numbers the form asks for called out as A and B.
 */
export function CheckIllustration({ payerName, highlight = "vendor" }: { payerName: string; highlight?: CheckHighlight }) {
  const npi = highlight === "npi";
  return (
    <figure className="rounded-lg border border-line bg-surface p-3">
      <svg viewBox="0 0 640 300" role="img" aria-labelledby="check-illustration-title" aria-describedby="check-illustration-desc" className="h-auto w-full">
        <title id="check-illustration-title">{`Where to find the numbers on a ${payerName} check${npi ? ": the check number and the NPI" : ""}`}</title>
        <desc id="check-illustration-desc">
          {npi
            ? "A sample check. The check number is printed at the top right, after \"Check No.\", and again at the bottom. The NPI the check was paid to is printed under the payee's name, after \"Payee NPI\"."
            : "A sample check. The check number is printed at the top right, after \"Check No.\", and again at the bottom. The vendor number is printed below the payer's address on the left, after \"Vendor No.\"."}
        </desc>
        <rect x="4" y="4" width="632" height="292" rx="10" fill="#f4f8fc" stroke="#8fa9c4" strokeWidth="2" />
        <text x="28" y="44" fontSize="22" fontWeight="700" fill="#0b5394">
          {payerName}
        </text>
        <text x="28" y="66" fontSize="13" fill="#52606d">
          Claims Payment Center
        </text>
        <text x="28" y="84" fontSize="13" fill="#52606d">
          PO Box 1309, Minneapolis, MN 55440
        </text>

        {/* Vendor number: called out (B) unless the NPI is the number asked for */}
        <rect x="22" y="98" width="200" height="30" rx="5" fill={npi ? "none" : "#fff4e0"} stroke={npi ? "none" : "#8a5300"} strokeWidth="2.5" />
        <text x="32" y="119" fontSize="15" fontWeight={npi ? "400" : "700"} fill="#1f2933">
          Vendor No. 100000
        </text>
        {npi ? null : <Callout x={236} y={113} />}

        {/* Check number, called out */}
        <rect x="408" y="24" width="208" height="32" rx="5" fill="#e7f0fa" stroke="#0b5394" strokeWidth="2.5" />
        <text x="420" y="46" fontSize="15" fontWeight="700" fill="#1f2933">
          Check No. 7000000
        </text>
        <circle cx="394" cy="40" r="13" fill="#0b5394" />
        <text x="394" y="45" fontSize="14" fontWeight="700" fill="#ffffff" textAnchor="middle">
          A
        </text>
        <text x="420" y="80" fontSize="13" fill="#52606d">
          Date 01/15/2026
        </text>

        <text x="28" y="164" fontSize="13" fill="#52606d">
          PAY TO THE ORDER OF
        </text>
        <line x1="28" y1="184" x2="440" y2="184" stroke="#9aa5b1" />
        <text x="32" y="180" fontSize="16" fill="#1f2933">
          Your Clinic Name
        </text>
        {/* The payee's NPI: called out (B) when the person enters the NPI instead of the vendor number */}
        <rect x="22" y="192" width="230" height="30" rx="5" fill={npi ? "#fff4e0" : "none"} stroke={npi ? "#8a5300" : "none"} strokeWidth="2.5" />
        <text x="32" y="213" fontSize="15" fontWeight={npi ? "700" : "400"} fill="#1f2933">
          Payee NPI 1234567890
        </text>
        {npi ? <Callout x={266} y={207} /> : null}
        <rect x="470" y="160" width="146" height="30" rx="4" fill="#ffffff" stroke="#9aa5b1" />
        <text x="482" y="181" fontSize="16" fill="#1f2933">
          $ 1,000.00
        </text>
        <line x1="380" y1="236" x2="616" y2="236" stroke="#9aa5b1" />
        <text x="380" y="252" fontSize="11" fill="#52606d">
          AUTHORIZED SIGNATURE
        </text>
        <text x="28" y="276" fontSize="16" fontFamily="monospace" fill="#1f2933">
          0910 00019   1234 56789   7000000
        </text>
      </svg>
      <figcaption className="mt-2 space-y-1 text-sm text-ink">
        <p>
          <span className="mr-1 inline-flex h-5 w-5 items-center justify-center rounded-full bg-brand text-xs font-bold text-white" aria-hidden="true">
            A
          </span>
          <strong>Check number</strong>: top right, after &quot;Check No.&quot;
        </p>
        <p>
          <span className="mr-1 inline-flex h-5 w-5 items-center justify-center rounded-full bg-warning text-xs font-bold text-white" aria-hidden="true">
            B
          </span>
          {npi ? (
            <>
              <strong>NPI</strong>: under the payee&apos;s name, after &quot;Payee NPI&quot;
            </>
          ) : (
            <>
              <strong>Vendor number</strong>: under the {payerName} address, after &quot;Vendor No.&quot;
            </>
          )}
        </p>
      </figcaption>
    </figure>
  );
}

/** The "B" marker beside the second number the form asks for. */
function Callout({ x, y }: { x: number; y: number }) {
  return (
    <>
      <circle cx={x} cy={y} r="13" fill="#8a5300" />
      <text x={x} y={y + 5} fontSize="14" fontWeight="700" fill="#ffffff" textAnchor="middle">
        B
      </text>
    </>
  );
}
