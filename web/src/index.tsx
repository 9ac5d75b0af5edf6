/* @refresh reload */
// The console's routes. Every page is its own chunk; the first load is the router, the layout, the
// session query and the data modules, so that a route's preload can fetch what its page reads while
// a link to it is hovered, or while the page's own code is still loading.
import { render } from "solid-js/web";
import { Route, Router, type RoutePreloadFuncArgs } from "@solidjs/router";
import { lazy } from "solid-js";
import { Layout } from "./Layout.tsx";
import { roleInGroup } from "./components/GroupNav.tsx";
import { getMe } from "./session.ts";
import { getGroupReport, getImportDraft } from "./pages/avg/data.ts";
import { getBaselineDraft, getBaselineHistory } from "./pages/baseline/data.ts";
import { getDraft, getPreview, getVersions, preloadCompany } from "./pages/company/data.ts";
import {
  getAudit,
  getAuditVerification,
  getBaseline,
  getCompaniesPage,
  getDashboardPage,
  getGroupProfile,
  getInvitations,
  getMembers,
  getProcessors,
  getPublishRequests,
  getRolloutPage,
  getSettings,
} from "./pages/group/group-data.ts";
import { getGroups, getPublicGroupPage } from "./pages/public-data.ts";

const Home = lazy(() => import("./pages/Home.tsx"));
const GroupStatements = lazy(() => import("./pages/GroupStatements.tsx"));
const SignIn = lazy(() => import("./pages/SignIn.tsx"));
const Console = lazy(() => import("./pages/Console.tsx"));
const AcceptInvitation = lazy(() => import("./pages/AcceptInvitation.tsx"));
const ResetPassword = lazy(() => import("./pages/ResetPassword.tsx"));
const Account = lazy(() => import("./pages/account/Account.tsx"));
const NotFound = lazy(() => import("./pages/NotFound.tsx"));

// The console, per group: one layout (navigation, membership) around the group's pages.
const GroupLayout = lazy(() => import("./pages/group/GroupLayout.tsx"));
const GroupDashboard = lazy(() => import("./pages/group/Dashboard.tsx"));
const People = lazy(() => import("./pages/group/People.tsx"));
const Companies = lazy(() => import("./pages/group/Companies.tsx"));
const AuditLog = lazy(() => import("./pages/group/AuditLog.tsx"));
const PublishRequests = lazy(() => import("./pages/group/PublishRequests.tsx"));
const BaselineEditor = lazy(() => import("./pages/baseline/BaselineEditor.tsx"));
const Processors = lazy(() => import("./pages/baseline/Processors.tsx"));
const GroupSettings = lazy(() => import("./pages/baseline/Settings.tsx"));
const CompanyEditor = lazy(() => import("./pages/company/CompanyEditor.tsx"));
const CompanyVersions = lazy(() => import("./pages/company/Versions.tsx"));
const CompanyPublish = lazy(() => import("./pages/company/Publish.tsx"));
const CompanyEmbed = lazy(() => import("./pages/embed/Embed.tsx"));
const CompanyImport = lazy(() => import("./pages/avg/Import.tsx"));
const GroupReport = lazy(() => import("./pages/avg/Report.tsx"));

type Preload = (args: RoutePreloadFuncArgs) => void;

/** Runs `load` for the group's privacy lead only: everyone else would be refused what it reads. */
const forLead =
  (load: (group: string) => void): Preload =>
  ({ params }) => {
    const group = params.group;
    if (!group) return;
    void getMe().then((me) => {
      if (me && roleInGroup(me, group)?.isAdmin) load(group);
    });
  };

const inGroup =
  (load: (group: string) => void): Preload =>
  ({ params }) => {
    if (params.group) load(params.group);
  };

const inCompany =
  (load: (group: string, tenant: string) => void): Preload =>
  ({ params }) => {
    if (params.group && params.tenant) load(params.group, params.tenant);
  };

render(
  () => (
    <Router root={Layout}>
      <Route
        path="/"
        component={Home}
        preload={() => {
          void getMe();
          void getGroups();
        }}
      />
      <Route
        path="/groups/:group"
        component={GroupStatements}
        preload={inGroup((g) => void getPublicGroupPage(g, undefined))}
      />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/console" component={Console} preload={() => void getMe()} />
      <Route path="/console/:group" component={GroupLayout} preload={inGroup(() => void getMe())}>
        <Route
          path="/"
          component={GroupDashboard}
          preload={forLead((g) => {
            void getGroupProfile(g);
            void getRolloutPage(g, undefined);
            void getPublishRequests(g, "pending");
            void getDashboardPage(g, undefined);
            void getAudit(g, { action: "baseline.published", limit: 20 });
          })}
        />
        <Route
          path="/people"
          component={People}
          preload={forLead((g) => {
            void getMembers(g);
            void getInvitations(g);
          })}
        />
        <Route path="/audit" component={AuditLog} preload={forLead((g) => void getAuditVerification(g))} />
        <Route
          path="/requests"
          component={PublishRequests}
          preload={inGroup((g) => void getPublishRequests(g))}
        />
        <Route
          path="/baseline"
          component={BaselineEditor}
          preload={forLead((g) => {
            void getBaselineDraft(g);
            void getBaselineHistory(g);
          })}
        />
        <Route path="/processors" component={Processors} preload={inGroup((g) => void getProcessors(g))} />
        <Route path="/settings" component={GroupSettings} preload={forLead((g) => void getSettings(g))} />
        <Route path="/report" component={GroupReport} preload={forLead((g) => void getGroupReport(g))} />
        <Route
          path="/companies"
          component={Companies}
          preload={forLead((g) => void getCompaniesPage(g, undefined, undefined))}
        />
        <Route path="/companies/:tenant">
          <Route path="/" component={CompanyEditor} preload={preloadCompany} />
          <Route
            path="/versions"
            component={CompanyVersions}
            preload={inCompany((g, t) => void getVersions(g, t))}
          />
          <Route
            path="/publish"
            component={CompanyPublish}
            preload={inCompany((g, t) => {
              void getDraft(g, t);
              void getPreview(g, t);
              void getBaseline(g);
              void getPublishRequests(g);
            })}
          />
          <Route path="/embed" component={CompanyEmbed} preload={inGroup((g) => void getGroupProfile(g))} />
          <Route
            path="/import"
            component={CompanyImport}
            preload={inCompany((g, t) => void getImportDraft(g, t))}
          />
        </Route>
      </Route>
      <Route path="/invite" component={AcceptInvitation} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/account" component={Account} preload={() => void getMe()} />
      <Route path="*404" component={NotFound} />
    </Router>
  ),
  document.getElementById("root")!,
);
