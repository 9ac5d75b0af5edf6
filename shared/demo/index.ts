export { DEMO_GROUP } from "./group.ts";
export { DEMO_BASELINE } from "./baseline.ts";
export { DEMO_TENANTS, type DemoTenant } from "./tenants.ts";
