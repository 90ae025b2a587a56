// Turns the transcribed plans in ./templates/ into plain seeds, following ./templates/README.md.
import blekinge from './templates/blekinge.json' with { type: 'json' };
import jamtland from './templates/jamtland-harjedalen.json' with { type: 'json' };
import { parseReformParts } from './validate.ts';
import type { ParticipantKind, ReformPart, Step, TemplateId } from './schema.ts';

export interface ActivitySeed {
  readonly step: Step;
  readonly text: string;
  readonly reformParts: readonly ReformPart[];
}

export interface FocusAreaSeed {
  readonly name: string;
  readonly priority: number;
  readonly activities: readonly ActivitySeed[];
}

/** A plan's starting content, before it becomes a document. */
export interface PlanSeed {
  readonly county: string;
  readonly participants: readonly { readonly name: string; readonly kind: ParticipantKind }[];
  readonly focusAreas: readonly FocusAreaSeed[];
}

/** "Gemensamt" (joint) is a participant in every plan: the activities the whole county owns together. */
const JOINT = { name: 'Gemensamt', kind: 'joint' } as const;

function jamtlandSeed(): PlanSeed {
  return {
    county: jamtland.county,
    participants: [
      { name: jamtland.region, kind: 'region' },
      ...jamtland.municipalities.map((name) => ({ name, kind: 'municipality' as const })),
      { name: 'Kommunförbundet Jämtland Härjedalen', kind: 'association' },
      JOINT,
    ],
    focusAreas: jamtland.focusAreas.map((area) => ({
      name: area.name,
      priority: area.priority,
      activities: (['1', '2', '3'] as const).flatMap((step) =>
        area.steps[step].map((text) => ({ step: Number(step) as Step, text, reformParts: [] })),
      ),
    })),
  };
}

function blekingeSeed(): PlanSeed {
  const firstSteps = new Set(blekinge.suggestedFirstSteps.proposals);
  return {
    county: blekinge.county,
    participants: [
      { name: blekinge.region, kind: 'region' },
      ...blekinge.municipalities.map((name) => ({ name, kind: 'municipality' as const })),
      JOINT,
    ],
    focusAreas: blekinge.proposals.map((proposal) => {
      const parts = parseReformParts(proposal.reformParts);
      const reformParts = parts.ok ? parts.value : [];
      return {
        name: `${proposal.number}. ${proposal.title}`,
        priority: firstSteps.has(proposal.number) ? 1 : 2,
        // A förstudie is the first step: each bullet starts in Steg 1; later steps are the group's to add.
        activities: proposal.items.map((text) => ({ step: 1 as const, text, reformParts })),
      };
    }),
  };
}

/** The seed for `template`; the empty plan has only "Gemensamt" as participant. */
export function templateSeed(template: TemplateId): PlanSeed {
  switch (template) {
    case 'jamtland-harjedalen':
      return jamtlandSeed();
    case 'blekinge':
      return blekingeSeed();
    case 'empty':
      return { county: '', participants: [JOINT], focusAreas: [] };
  }
}
