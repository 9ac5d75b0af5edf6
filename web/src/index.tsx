/* @refresh reload */
import { render } from "solid-js/web";
import { Router, Route } from "@solidjs/router";
import { lazy } from "solid-js";
import { Layout } from "./Layout.tsx";

// Every page is its own chunk; the first load is the router, the layout and the session query.
const Home = lazy(() => import("./pages/Home.tsx"));
const GroupStatements = lazy(() => import("./pages/GroupStatements.tsx"));
const SignIn = lazy(() => import("./pages/SignIn.tsx"));
const Console = lazy(() => import("./pages/Console.tsx"));
const AcceptInvitation = lazy(() => import("./pages/AcceptInvitation.tsx"));
const NotFound = lazy(() => import("./pages/NotFound.tsx"));

// The console, per group. Each area lives in its own folder under pages/.
const GroupDashboard = lazy(() => import("./pages/group/Dashboard.tsx"));
const People = lazy(() => import("./pages/group/People.tsx"));
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

render(
  () => (
    <Router root={Layout}>
      <Route path="/" component={Home} />
      <Route path="/groups/:group" component={GroupStatements} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/console" component={Console} />
      <Route path="/console/:group" component={GroupDashboard} />
      <Route path="/console/:group/people" component={People} />
      <Route path="/console/:group/audit" component={AuditLog} />
      <Route path="/console/:group/requests" component={PublishRequests} />
      <Route path="/console/:group/baseline" component={BaselineEditor} />
      <Route path="/console/:group/processors" component={Processors} />
      <Route path="/console/:group/settings" component={GroupSettings} />
      <Route path="/console/:group/companies/:tenant" component={CompanyEditor} />
      <Route path="/console/:group/companies/:tenant/versions" component={CompanyVersions} />
      <Route path="/console/:group/companies/:tenant/publish" component={CompanyPublish} />
      <Route path="/console/:group/companies/:tenant/embed" component={CompanyEmbed} />
      <Route path="/console/:group/companies/:tenant/import" component={CompanyImport} />
      <Route path="/console/:group/report" component={GroupReport} />
      <Route path="/invite" component={AcceptInvitation} />
      <Route path="*404" component={NotFound} />
    </Router>
  ),
  document.getElementById("root")!,
);
