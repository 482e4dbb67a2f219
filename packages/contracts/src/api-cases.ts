/** HTTP schemas and routes: Case work: assignment, labels, priority, duplicates, checklist, deadlines and notifications (issue 3). */
export {};
