/** Client side of: Case work: assignment, labels, priority, duplicates, checklist, deadlines and notifications. */
export {};
