/* @refresh reload */
import { render } from "solid-js/web";
import { Router, Route } from "@solidjs/router";
import { lazy } from "solid-js";
import { Layout } from "./Layout.tsx";

const Home = lazy(() => import("./pages/Home.tsx"));
const GroupStatements = lazy(() => import("./pages/GroupStatements.tsx"));
const NotFound = lazy(() => import("./pages/NotFound.tsx"));

render(
  () => (
    <Router root={Layout}>
      <Route path="/" component={Home} />
      <Route path="/groups/:group" component={GroupStatements} />
      <Route path="*404" component={NotFound} />
    </Router>
  ),
  document.getElementById("root")!,
);
