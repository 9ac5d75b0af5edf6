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

render(
  () => (
    <Router root={Layout}>
      <Route path="/" component={Home} />
      <Route path="/groups/:group" component={GroupStatements} />
      <Route path="/sign-in" component={SignIn} />
      <Route path="/console" component={Console} />
      <Route path="/invite" component={AcceptInvitation} />
      <Route path="*404" component={NotFound} />
    </Router>
  ),
  document.getElementById("root")!,
);
