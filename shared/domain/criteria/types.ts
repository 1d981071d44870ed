/** One row of the criteria CSV as shipped (IDs, groups and our own short titles; no AICPA text). */
export interface CriterionRow {
  id: string;
  category: string;
  group: string;
  groupName: string;
  cosoPrinciple: string | null;
  title: string;
}
