"use client";

import { useState } from "react";
import { FieldErrors } from "@/components/form/field";
import type { AccessChoice, DelegateOrganization } from "@/lib/users/delegate-organizations";
import { formatTaxId } from "@/lib/validation/tax-id";

type PickerOrganization = Pick<DelegateOrganization, "organizationId" | "taxId" | "name" | "npis">;

/**
 * Per Tax ID: whether the person gets it, and then the whole Tax ID or chosen NPIs. With a
 * single Tax ID to decide on (fixed), only the NPI choice is asked. The inputs are named as
 * lib/users/access-form.ts reads them.
 */
export function AccessPicker({ organizations, defaults, errors, fixed = false, legend }: { organizations: PickerOrganization[]; defaults: AccessChoice[] | null; errors?: string[]; fixed?: boolean; legend: string }) {
  const initial = defaults ?? (organizations.length === 1 ? [{ organizationId: organizations[0]!.organizationId, npis: null }] : []);
  const [chosen, setChosen] = useState(() => new Map(initial.map((choice) => [choice.organizationId, choice])));
  const [scopes, setScopes] = useState(() => new Map(initial.map((choice) => [choice.organizationId, choice.npis ? "chosen" : "all"])));

  return (
    <fieldset id="access" tabIndex={-1} aria-describedby={errors?.length ? "access-error" : undefined} className="space-y-4">
      <legend className="font-semibold text-ink">{legend}</legend>
      {organizations.map((organization) => {
        const id = organization.organizationId;
        const included = fixed || chosen.has(id);
        const scope = scopes.get(id) ?? "all";
        const defaultNpis = chosen.get(id)?.npis ?? [];
        return (
          <div key={id} className="rounded-md border border-line p-4">
            {fixed ? (
              <input type="hidden" name="org" value={id} />
            ) : (
              <label className="flex items-start gap-3 font-semibold">
                <input
                  type="checkbox"
                  name="org"
                  value={id}
                  defaultChecked={chosen.has(id)}
                  onChange={(event) => {
                    const next = new Map(chosen);
                    if (event.target.checked) next.set(id, { organizationId: id, npis: null });
                    else next.delete(id);
                    setChosen(next);
                  }}
                  className="mt-1 h-5 w-5 accent-brand"
                />
                <span>
                  {organization.name} <span className="font-normal text-muted">(Tax ID {formatTaxId(organization.taxId)})</span>
                </span>
              </label>
            )}
            <fieldset hidden={!included} className={fixed ? "" : "mt-3 pl-8"}>
              <legend className="sr-only">NPIs of {organization.name}</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                {(
                  [
                    ["all", "All NPIs, including any added later"],
                    ["chosen", "Only the NPIs I choose"],
                  ] as const
                ).map(([value, label]) => (
                  <label key={value} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`scope-${id}`}
                      value={value}
                      defaultChecked={scope === value}
                      onChange={() => setScopes(new Map(scopes).set(id, value))}
                      className="h-5 w-5 accent-brand"
                    />
                    {label}
                  </label>
                ))}
              </div>
              <ul hidden={scope !== "chosen"} className="mt-3 space-y-2 pl-7" aria-label={`NPIs of ${organization.name}`}>
                {organization.npis.map((npi) => (
                  <li key={npi.npi}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" name={`npi-${id}`} value={npi.npi} defaultChecked={defaultNpis.includes(npi.npi)} className="mt-1 h-5 w-5 accent-brand" />
                      <span>
                        NPI <span className="font-mono">{npi.npi}</span> <span className="text-sm text-muted">{npi.name}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </div>
        );
      })}
      <FieldErrors id="access-error" errors={errors} />
    </fieldset>
  );
}
