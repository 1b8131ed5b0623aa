/**
 * Semantic tokens. Go to definition, find references, rename and folding are Langium's,
 * working on the names the scopes export.
 */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import type { CpiplanServices } from '../cpiplan-module.js';

/** Semantic tokens: declarations and references of sources, offices and profiles; line and section codes; amounts. */
export class CpiplanSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(services: CpiplanServices) {
        super(services);
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        switch (node.$type) {
            case 'FundingSource': case 'Office': case 'Profile':
                acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: [SemanticTokenModifiers.declaration] });
                break;
            case 'Charge': case 'DeclaredTotal':
                acceptor({ node, property: 'source', type: SemanticTokenTypes.variable });
                break;
            case 'OfficeStaff': case 'StatisticsRow':
                acceptor({ node, property: 'office', type: SemanticTokenTypes.variable });
                break;
            case 'StaffRow': case 'CostRow': case 'Hire':
                acceptor({ node, property: 'profile', type: SemanticTokenTypes.type });
                break;
            case 'InterventionLine': case 'LineRule':
                acceptor({ node, property: 'code', type: SemanticTokenTypes.enumMember });
                break;
            // The outline: sections by code; lines, sections, offices, profiles and hiring plans the new constructs name.
            case 'Section': case 'SectionRule':
                acceptor({ node, property: 'code', type: SemanticTokenTypes.namespace });
                break;
            case 'Objectives': case 'Milestone': case 'Endpoint': case 'Answer':
                acceptor({ node, property: 'lineCode', type: SemanticTokenTypes.enumMember });
                if (node.$type === 'Answer') {
                    acceptor({ node, property: 'sectionCode', type: SemanticTokenTypes.namespace });
                    acceptor({ node, property: 'declaration', type: SemanticTokenTypes.property });
                }
                if (node.$type === 'Endpoint') {
                    acceptor({ node, property: 'source', type: SemanticTokenTypes.variable });
                }
                if (node.$type === 'Milestone') {
                    acceptor({ node, property: 'hiring', type: SemanticTokenTypes.variable });
                }
                break;
            case 'Municipalities': case 'StaffByFunction':
                acceptor({ node, property: 'office', type: SemanticTokenTypes.variable });
                break;
            case 'StaffingNeeds':
                acceptor({ node, property: 'offices', type: SemanticTokenTypes.variable });
                break;
            case 'StaffingNeed':
                acceptor({ node, property: 'profile', type: SemanticTokenTypes.type });
                break;
            case 'Money': case 'Count': case 'Percentage': case 'Measure':
                acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
                break;
        }
    }
}
