"use client";

import { useState, type ReactNode } from "react";
import { FieldErrors } from "@/components/form/field";
import type { AccessChoice, GrantableUnit } from "@/lib/users/delegate-organizations";
import { formatTaxId } from "@/lib/validation/tax-id";

type PickerUnit = Pick<GrantableUnit, "key" | "kind" | "taxId" | "name" | "allNpis" | "npis">;
type Scope = "all" | "chosen" | "none";

/**
 * Per grantable unit (a Tax ID): whether the person gets it, and then the whole Tax ID or
 * chosen NPIs. With a single unit to decide on (fixed), only the NPI choice is asked, plus
 * "No access" where access can be taken away (allowNone). A unit that may give chosen NPIs
 * only (a billing organization approved for some NPIs) offers just those. The inputs are
 * named as lib/users/access-form.ts reads them.
 */
export function AccessPicker({
  units,
  defaults,
  errors,
  fixed = false,
  allowNone = false,
  preselectSingle = true,
  legend,
  description,
  id = "access",
}: {
  units: PickerUnit[];
  defaults: AccessChoice[] | null;
  errors?: string[];
  fixed?: boolean;
  allowNone?: boolean;
  preselectSingle?: boolean;
  legend: string;
  description?: ReactNode;
  /** The fieldset's id (an error summary links to it); several pickers on one page need their own. */
  id?: string;
}) {
  const initial = defaults ?? (preselectSingle && units.length === 1 && units[0]!.allNpis ? [{ key: units[0]!.key, npis: null }] : []);
  const [chosen, setChosen] = useState(() => new Map(initial.map((choice) => [choice.key, choice])));
  const [scopes, setScopes] = useState(
    () => new Map<string, Scope>(units.map((unit) => [unit.key, chosen.has(unit.key) ? (chosen.get(unit.key)!.npis || !unit.allNpis ? "chosen" : "all") : allowNone ? "none" : unit.allNpis ? "all" : "chosen"])),
  );

  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={errors?.length ? `${id}-error` : undefined} className="space-y-4">
      <legend className="font-semibold text-ink">{legend}</legend>
      {description}
      {units.map((unit) => {
        const key = unit.key;
        const included = fixed || chosen.has(key);
        const scope = scopes.get(key) ?? "all";
        const defaultNpis = chosen.get(key)?.npis ?? [];
        const options: Array<[Scope, string]> = [
          ...(allowNone ? ([["none", "No access"]] as Array<[Scope, string]>) : []),
          ...(unit.allNpis
            ? ([
                ["all", "All NPIs, including any added later"],
                ["chosen", "Only the NPIs I choose"],
              ] as Array<[Scope, string]>)
            : ([["chosen", "The NPIs I choose"]] as Array<[Scope, string]>)),
        ];
        return (
          <div key={key} className="rounded-md border border-line p-4">
            {fixed ? (
              <input type="hidden" name="org" value={key} />
            ) : (
              <label className="flex items-start gap-3 font-semibold">
                <input
                  type="checkbox"
                  name="org"
                  value={key}
                  defaultChecked={chosen.has(key)}
                  onChange={(event) => {
                    const next = new Map(chosen);
                    if (event.target.checked) next.set(key, { key, npis: unit.allNpis ? null : [] });
                    else next.delete(key);
                    setChosen(next);
                  }}
                  className="mt-1 h-5 w-5 accent-brand"
                />
                <span>
                  {unit.name} <span className="font-normal text-muted">(Tax ID {formatTaxId(unit.taxId)})</span>
                </span>
              </label>
            )}
            <fieldset hidden={!included} className={fixed ? "" : "mt-3 pl-8"}>
              <legend className="sr-only">NPIs of {unit.name}</legend>
              {options.length > 1 ? (
                <div className="flex flex-wrap gap-x-6 gap-y-2">
                  {options.map(([value, label]) => (
                    <label key={value} className="flex items-center gap-2">
                      <input
                        type="radio"
                        name={`scope-${key}`}
                        value={value}
                        defaultChecked={scope === value}
                        onChange={() => setScopes(new Map(scopes).set(key, value))}
                        className="h-5 w-5 accent-brand"
                      />
                      {label}
                    </label>
                  ))}
                </div>
              ) : (
                <>
                  <input type="hidden" name={`scope-${key}`} value="chosen" />
                  <p className="text-sm text-muted">Your organization was approved for these NPIs only.</p>
                </>
              )}
              <ul hidden={scope !== "chosen"} className="mt-3 space-y-2 pl-7" aria-label={`NPIs of ${unit.name}`}>
                {unit.npis.map((npi) => (
                  <li key={npi.npi}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" name={`npi-${key}`} value={npi.npi} defaultChecked={defaultNpis.includes(npi.npi)} className="mt-1 h-5 w-5 accent-brand" />
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
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
