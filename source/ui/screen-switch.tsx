// Which screen a route shows, 首页 aside: loaded after the first frame (screens.ts), with what only
// they use (the forms, zod's schemas, the operations).
import type { Route } from './routes.js';
import { AssignScreen } from './screens/assign-screen.js';
import { CadreListScreen } from './screens/cadre-list-screen.js';
import { ClassListScreen } from './screens/class-list-screen.js';
import { DormListScreen } from './screens/dorm-list-screen.js';
import { GridScreen } from './screens/grid-screen.js';
import { PairScreen } from './screens/pair-screen.js';
import { LogContactScreen } from './screens/log-contact-screen.js';
import { OverdueScreen } from './screens/overdue-screen.js';
import { RemindScreen } from './screens/remind-screen.js';
import { SettingsScreen } from './screens/settings-screen.js';
import { StudentListScreen } from './screens/student-list-screen.js';
import { TransferScreen } from './screens/transfer-screen.js';

export function ScreenSwitch({ route }: { route: Exclude<Route, { name: 'home' }> }) {
  switch (route.name) {
    case 'overdue':
      return <OverdueScreen />;
    case 'remind':
      return <RemindScreen />;
    case 'cadres':
      return <CadreListScreen openCadreId={route.cadreId} />;
    case 'classes':
      return <ClassListScreen />;
    case 'dorms':
      return <DormListScreen />;
    case 'students':
      return <StudentListScreen />;
    case 'log':
      return <LogContactScreen preset={route.preset} />;
    case 'assign':
      return <AssignScreen classId={route.classId} freeFirst={route.freeFirst} />;
    case 'grid':
      return <GridScreen />;
    case 'pair':
      return <PairScreen start={route.start} />;
    case 'transfer':
      return <TransferScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
