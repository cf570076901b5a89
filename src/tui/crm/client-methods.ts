// The EngineClient methods the CRM pane, its forms and the directory use:
// added to ConsoleClient so a fake client in tests must provide them too.
export type CrmClientMethod =
  | 'crmSearch' | 'crmCustomer' | 'crmCase' | 'crmTasks' | 'directory'
  | 'createCustomer' | 'updateCustomer' | 'mergeCustomers' | 'openCase' | 'updateCase' | 'addFollowUp'
  | 'createTask' | 'updateTask' | 'linkInteraction';
