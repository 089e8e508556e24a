//! `synth`: a deterministic generator of a realistic multi-app JavaScript/TypeScript monorepo,
//! the benchmark input for monodup and its peers.
//!
//! ```text
//! cargo run --release --example synth -- [--lines N] [--seed N] [--apps N] [--copies K] OUT_DIR
//! ```
//!
//! The same arguments always give a byte-identical tree. It holds a root `package.json` with npm
//! workspaces, Next.js-style apps under `apps/` (each with `package.json`, `next.config.mjs` and a
//! `tsconfig.json` with `baseUrl` and `paths: {"@/*": ["./src/*"]}`), shared packages under
//! `packages/` (`@synth/ui`, `@synth/utils`, ...) whose `main`/`exports` point at `src/` or at an
//! unbuilt `dist/`/`build/`, and `.ts`/`.tsx`/`.js` modules of 30 to 400 lines: React components,
//! hooks, API clients, services, stores, utilities and types, importing each other through
//! relative paths, the `@/` alias, barrels, workspace packages (root and subpath), externals,
//! `import type`, `export * from`, `require`, `import x = require()` and `import()`, with a few
//! cycles. Every import of a file points at a file that exists.
//!
//! For the clone detector, apps copy modules from a shared template pool: verbatim, with local
//! identifiers and string literals renamed, reformatted (indentation, spacing, comments), with a
//! statement inserted, or renamed and with a statement inserted; a few modules are identical
//! files in 3 to 6 apps. `.synth/truth.json` lists every copy with its variant.
//!
//! `--copies K` (default 1) writes the tree K times in all, as a repository holding backup copies
//! of itself does: at OUT_DIR and again, whole, in OUT_DIR/backup-1 … OUT_DIR/backup-(K-1)
//! (ordinary folder names, so every copy is scanned as source). Each backup has the manifests
//! too, as a real backup folder has, and its `.synth/truth.json` describes that one tree only.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;
use std::{env, fs, process};

// ---------------------------------------------------------------------------------------------
// Random numbers: xorshift64* seeded through splitmix64.

#[derive(Clone)]
struct Rng(u64);

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn mix(a: u64, b: u64) -> u64 {
    splitmix(a ^ splitmix(b.wrapping_add(0x632B_E59B_D9B4_E019)))
}

fn hash_str(s: &str) -> u64 {
    s.bytes().fold(0xCBF2_9CE4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01B3))
}

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(splitmix(seed) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        ((self.next() >> 11) % n as u64) as usize
    }
    fn pct(&mut self, p: u32) -> bool {
        self.below(100) < p as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const ENTS: &[(&str, &str)] = &[
    ("user", "users"),
    ("order", "orders"),
    ("product", "products"),
    ("invoice", "invoices"),
    ("project", "projects"),
    ("team", "teams"),
    ("account", "accounts"),
    ("payment", "payments"),
    ("subscription", "subscriptions"),
    ("ticket", "tickets"),
    ("message", "messages"),
    ("report", "reports"),
    ("session", "sessions"),
    ("notification", "notifications"),
    ("customer", "customers"),
    ("shipment", "shipments"),
    ("review", "reviews"),
    ("coupon", "coupons"),
    ("category", "categories"),
    ("workspace", "workspaces"),
    ("document", "documents"),
    ("comment", "comments"),
    ("asset", "assets"),
    ("plan", "plans"),
    ("role", "roles"),
    ("event", "events"),
    ("campaign", "campaigns"),
    ("lead", "leads"),
    ("contact", "contacts"),
    ("task", "tasks"),
    ("vendor", "vendors"),
    ("booking", "bookings"),
    ("article", "articles"),
    ("warehouse", "warehouses"),
    ("refund", "refunds"),
    ("webhook", "webhooks"),
    // generic topics, used by the utility packages
    ("currency", "currencies"),
    ("date", "dates"),
    ("string", "strings"),
    ("number", "numbers"),
    ("url", "urls"),
    ("color", "colors"),
    ("file", "files"),
    ("duration", "durations"),
    ("locale", "locales"),
    ("slug", "slugs"),
    ("money", "money"),
    ("phone", "phones"),
    ("email", "emails"),
    ("address", "addresses"),
    ("timezone", "timezones"),
    ("percent", "percents"),
    ("storage", "storages"),
    ("query", "queries"),
    ("error", "errors"),
    ("cookie", "cookies"),
];
const DOMAIN: usize = 36;

const FIELDS: &[(&str, &str)] = &[
    ("name", "string"),
    ("title", "string"),
    ("status", "string"),
    ("createdAt", "string"),
    ("updatedAt", "string"),
    ("ownerId", "string"),
    ("email", "string"),
    ("amount", "number"),
    ("currency", "string"),
    ("description", "string"),
    ("tags", "string[]"),
    ("priority", "number"),
    ("dueDate", "string"),
    ("quantity", "number"),
    ("price", "number"),
    ("total", "number"),
    ("slug", "string"),
    ("avatarUrl", "string"),
    ("score", "number"),
    ("notes", "string"),
    ("isActive", "boolean"),
    ("isArchived", "boolean"),
    ("metadata", "Record<string, unknown>"),
    ("label", "string"),
    ("position", "number"),
    ("color", "string"),
    ("url", "string"),
    ("phone", "string"),
    ("country", "string"),
    ("region", "string"),
    ("version", "number"),
    ("externalId", "string"),
    ("parentId", "string | null"),
    ("startsAt", "string"),
    ("endsAt", "string"),
    ("rating", "number"),
    ("balance", "number"),
    ("discount", "number"),
];

/// Local variable names: the renamed variant maps them through a rotation of this list.
const LOCALS: &[&str] = &[
    "items",
    "result",
    "value",
    "entry",
    "next",
    "prev",
    "data",
    "list",
    "index",
    "count",
    "total",
    "key",
    "label",
    "text",
    "filtered",
    "sorted",
    "grouped",
    "payload",
    "response",
    "options",
    "params",
    "config",
    "draft",
    "current",
    "selected",
    "visible",
    "pending",
    "cache",
    "buffer",
    "offset",
    "limit",
    "cursor",
    "page",
    "query",
    "token",
    "timeout",
    "retries",
    "delay",
    "summary",
    "lookup",
    "record",
    "rows",
    "columns",
    "width",
    "height",
    "ratio",
    "threshold",
    "flags",
    "mode",
    "locale",
    "item",
    "row",
    "acc",
    "part",
    "chunk",
    "batch",
    "snapshot",
    "source",
    "target",
    "output",
    "input",
    "matches",
    "changes",
    "delta",
    "open",
    "loading",
    "expanded",
    "editing",
    "filter",
    "sortKey",
    "step",
    "activeTab",
    "hovered",
    "submitting",
    "cancelled",
    "err",
    "attempt",
    "bucket",
    "marker",
    "stamp",
    "slot",
    "pair",
    "node",
];
const STATES: &[&str] = &[
    "open",
    "loading",
    "expanded",
    "editing",
    "query",
    "page",
    "step",
    "activeTab",
    "hovered",
    "submitting",
    "selected",
    "draft",
    "filter",
    "sortKey",
];
const HELPER_VERBS: &[&str] = &[
    "build", "derive", "collect", "prepare", "pick", "resolve", "compose", "assemble", "extract", "gather",
    "shape", "tally",
];
const EXPORT_VERBS: &[&str] = &[
    "format",
    "parse",
    "sort",
    "group",
    "validate",
    "normalize",
    "compute",
    "calculate",
    "summarize",
    "serialize",
    "to",
    "get",
    "merge",
    "diff",
    "count",
    "describe",
];
const UTIL_NOUNS: &[&str] = &[
    "Total",
    "Label",
    "Status",
    "Summary",
    "Range",
    "Items",
    "Rows",
    "Payload",
    "Key",
    "Url",
    "Score",
    "Title",
    "Date",
    "Amount",
    "Entries",
    "Changes",
    "Options",
    "Breakdown",
    "Display",
    "Diff",
];
const COMP_SUFFIX: &[&str] = &[
    "Card",
    "List",
    "Table",
    "Form",
    "Modal",
    "Header",
    "Overview",
    "FilterBar",
    "Details",
    "Badge",
    "Avatar",
    "Panel",
    "Toolbar",
    "Row",
    "Grid",
    "Stats",
    "Chart",
    "Timeline",
    "Picker",
    "EmptyState",
    "Skeleton",
    "Banner",
    "Tabs",
    "Menu",
    "Drawer",
    "Preview",
    "Editor",
    "Search",
    "Actions",
    "Breadcrumbs",
];
const PARTS: &[&str] = &["Item", "Section", "Footer", "Cell", "Meta", "Line", "Placeholder", "Caption"];
const HOOK_FORMS: &[&str] =
    &["", "One", "Form", "Filters", "Mutation", "Search", "Pagination", "Selection", "Sync", "Draft"];
const TYPE_SUFFIX: &[&str] = &[
    "Snapshot",
    "Settings",
    "Metrics",
    "Preferences",
    "Audit",
    "Payload",
    "Query",
    "Patch",
    "Digest",
    "Envelope",
];
const SERVICE_SUFFIX: &[&str] = &["Sync", "Cache", "Export", "Import", "Audit", "Billing", "Index"];
const API_VERBS: &[&str] =
    &["fetch", "fetchOne", "create", "update", "remove", "search", "archive", "export"];
const SERVER_VERBS: &[&str] = &["load", "save", "sync", "hash", "sign", "verify", "read", "write"];
const UI_NAMES: &[&str] = &[
    "Button",
    "Card",
    "Modal",
    "Input",
    "Badge",
    "Spinner",
    "Avatar",
    "Tabs",
    "Tooltip",
    "Table",
    "Dialog",
    "Select",
    "Checkbox",
    "Switch",
    "Toast",
    "Dropdown",
    "Skeleton",
    "Alert",
    "Pagination",
    "Progress",
    "Popover",
    "Sheet",
    "Textarea",
    "Separator",
    "FieldLabel",
    "Slider",
    "Accordion",
    "Calendar",
    "CommandMenu",
    "ScrollArea",
    "Breadcrumb",
    "Toggle",
    "RadioGroup",
    "DataTable",
    "EmptyPanel",
    "PageHeader",
    "StatCard",
    "Stepper",
    "Kbd",
    "Chip",
];
const GENERIC_HOOKS: &[&str] = &[
    "useDebounce",
    "useMediaQuery",
    "useLocalStorage",
    "usePrevious",
    "useInterval",
    "useClickOutside",
    "useToggle",
    "useAsync",
    "useWindowSize",
    "useCopyToClipboard",
    "useEventListener",
    "useOnlineStatus",
    "useIsMounted",
    "useScrollPosition",
    "useKeyPress",
    "useHover",
    "useThrottle",
    "useTimeout",
    "useFocusTrap",
    "useIntersectionObserver",
];
const PHRASES: &[&str] = &[
    "Loading...",
    "Something went wrong",
    "No results found",
    "Save changes",
    "Cancel",
    "Try again",
    "Are you sure?",
    "Changes saved",
    "Request failed",
    "Not found",
    "Unauthorized",
    "Invalid input",
    "Please wait",
    "Select an option",
    "Search",
    "Filter results",
    "Show more",
    "Show less",
    "Delete",
    "Archive",
    "Restore",
    "Export CSV",
    "Last updated",
    "Created by",
    "View details",
    "Back to list",
    "Add new",
    "Edit",
    "Close",
    "Open menu",
    "Copy link",
    "Download",
    "Upload file",
    "Retry",
    "Sign in",
    "Sign out",
    "Settings",
    "Overview",
    "Billing",
    "Members",
    "Activity",
    "Pending review",
    "Approved",
    "Rejected",
    "Draft",
    "Published",
    "Scheduled",
    "Expired",
    "Unknown error",
    "Nothing here yet",
];
const PROP_NAMES: &[(&str, &str)] = &[
    ("title", "string"),
    ("heading", "string"),
    ("variant", "'default' | 'outline' | 'ghost'"),
    ("size", "'sm' | 'md' | 'lg'"),
    ("compact", "boolean"),
    ("disabled", "boolean"),
    ("className", "string"),
    ("onSelect", "(id: string) => void"),
    ("onChange", "(value: string) => void"),
    ("onClose", "() => void"),
    ("initialValue", "string"),
    ("emptyText", "string"),
    ("maxItems", "number"),
    ("showFooter", "boolean"),
    ("tone", "'neutral' | 'danger' | 'success'"),
    ("align", "'start' | 'center' | 'end'"),
    ("testId", "string"),
    ("entries", "unknown[]"),
];
const TW: &[&str] = &[
    "flex",
    "items-center",
    "justify-between",
    "gap-2",
    "gap-4",
    "p-4",
    "px-3",
    "py-2",
    "rounded-md",
    "rounded-lg",
    "border",
    "shadow-sm",
    "text-sm",
    "text-muted-foreground",
    "font-medium",
    "font-semibold",
    "grid",
    "grid-cols-2",
    "space-y-2",
    "w-full",
    "truncate",
    "hidden",
    "md:flex",
    "bg-background",
    "hover:bg-muted",
    "transition-colors",
    "text-lg",
    "mt-4",
    "mb-2",
    "inline-flex",
    "max-w-4xl",
    "mx-auto",
];
const BOX_TAGS: &[&str] = &["div", "section", "header", "footer", "article", "aside", "nav", "ul", "form"];
const TEXT_TAGS: &[&str] = &["span", "p", "h2", "h3", "strong", "small", "li", "label", "em"];
const NUMS: &[&str] = &["0", "1", "2", "3", "5", "10", "24", "60", "100", "250", "1000", "3600", "0.5"];
const OPS: &[&str] = &["+", "-", "*", ">", ">=", "===", "!==", "&&", "||"];
const COMMENTS: &[&str] = &[
    "TODO: handle pagination once the API supports cursors",
    "keep in sync with the backend enum",
    "eslint-disable-next-line @typescript-eslint/no-explicit-any",
    "NOTE: the order matters here",
    "fall back to defaults when nothing is stored",
    "see the design doc for the rationale",
    "FIXME: this runs twice in strict mode",
    "derived values",
    "guard against stale responses",
    "normalise before comparing",
    "cheap check first",
    "TODO: move to the shared package",
];
const APP_NAMES: &[&str] = &[
    "web",
    "admin",
    "dashboard",
    "marketing",
    "storefront",
    "portal",
    "studio",
    "console",
    "checkout",
    "partners",
    "support",
    "analytics-hub",
    "docs-site",
    "onboarding",
];
const EXT_VERSIONS: &[(&str, &str)] = &[
    ("axios", "^1.7.2"),
    ("clsx", "^2.1.1"),
    ("date-fns", "^3.6.0"),
    ("framer-motion", "^11.2.10"),
    ("next", "14.2.4"),
    ("react", "18.3.1"),
    ("react-dom", "18.3.1"),
    ("tailwind-merge", "^2.3.0"),
    ("zod", "^3.23.8"),
    ("zustand", "^4.5.2"),
];

fn pascal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = true;
    for ch in s.chars() {
        if ch == '-' || ch == '_' {
            up = true;
        } else if up {
            out.extend(ch.to_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
    }
    out
}

fn camel(s: &str) -> String {
    let p = pascal(s);
    let mut c = p.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn kebab(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for (i, ch) in s.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

fn quote(s: &str, dq: bool) -> String {
    if dq {
        format!("\"{}\"", s.replace('"', "\\\""))
    } else {
        format!("'{}'", s.replace('\'', "\\'"))
    }
}

/// Wraps an expression in parentheses unless it is a single term.
fn paren(e: String) -> String {
    if e.contains(' ') {
        format!("({e})")
    } else {
        e
    }
}

/// A concise arrow body must not start with `{` (that would be a block).
fn arrow_body(e: String) -> String {
    if e.starts_with('{') {
        format!("({e})")
    } else {
        e
    }
}

/// Renames a local identifier: rotates LOCALS and HELPER_VERBS by `k`, keeping digits and the
/// `set`/`handle`/`is` prefixes. A bijection, so renamed code never collides with itself.
fn ren_id(s: &str, k: usize) -> String {
    if k == 0 {
        return s.to_string();
    }
    let base = s.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &s[base.len()..];
    fn rot(list: &[&'static str], i: usize, k: usize) -> &'static str {
        list[(i + 1 + k % (list.len() - 1)) % list.len()]
    }
    for prefix in ["set", "handle", "is", "on"] {
        if let Some(tail) = base.strip_prefix(prefix) {
            if tail.starts_with(|c: char| c.is_ascii_uppercase()) {
                let lower = camel(tail);
                if let Some(i) = LOCALS.iter().position(|w| *w == lower) {
                    return format!("{prefix}{}{digits}", pascal(rot(LOCALS, i, k)));
                }
            }
        }
    }
    if let Some(i) = LOCALS.iter().position(|w| *w == base) {
        return format!("{}{digits}", rot(LOCALS, i, k));
    }
    let head_len = base.find(|c: char| c.is_ascii_uppercase()).unwrap_or(base.len());
    if let Some(i) = HELPER_VERBS.iter().position(|w| *w == &base[..head_len]) {
        return format!("{}{}{digits}", rot(HELPER_VERBS, i, k), &base[head_len..]);
    }
    s.to_string()
}

fn ren_str(s: &str, k: usize) -> &str {
    if s.is_empty() {
        return s;
    }
    let i = (hash_str(s) as usize).wrapping_add(k) % PHRASES.len();
    if PHRASES[i] == s {
        PHRASES[(i + 1) % PHRASES.len()]
    } else {
        PHRASES[i]
    }
}

fn ent_fields(ent: usize) -> Vec<&'static str> {
    let mut r = Rng::new(mix(0xF1E1D, ent as u64));
    let n = r.range(6, 10);
    let mut out: Vec<&'static str> = vec!["id"];
    while out.len() < n + 1 {
        let f = FIELDS[r.below(FIELDS.len())].0;
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

fn field_type(f: &str) -> &'static str {
    FIELDS.iter().find(|(n, _)| *n == f).map(|(_, t)| *t).unwrap_or("string")
}

// ---------------------------------------------------------------------------------------------
// The plan: units (apps and packages) made of modules with planned exports and dependencies.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Types,
    Util,
    Legacy,
    Server,
    Api,
    Service,
    Store,
    Hook,
    Component,
    Page,
    Layout,
}

impl Kind {
    fn layer(self) -> u8 {
        match self {
            Kind::Types => 0,
            Kind::Util | Kind::Legacy => 1,
            Kind::Server | Kind::Api => 2,
            Kind::Service | Kind::Store => 3,
            Kind::Hook => 4,
            Kind::Component => 5,
            Kind::Page | Kind::Layout => 6,
        }
    }
    fn label(self) -> &'static str {
        match self {
            Kind::Types => "types",
            Kind::Util => "util",
            Kind::Legacy => "legacy-js",
            Kind::Server => "server",
            Kind::Api => "api-client",
            Kind::Service => "service",
            Kind::Store => "store",
            Kind::Hook => "hook",
            Kind::Component => "component",
            Kind::Page => "page",
            Kind::Layout => "layout",
        }
    }
    fn size_range(self) -> (usize, usize) {
        match self {
            Kind::Types => (30, 200),
            Kind::Util => (30, 260),
            Kind::Legacy => (30, 150),
            Kind::Server => (30, 200),
            Kind::Api => (40, 260),
            Kind::Service => (60, 400),
            Kind::Store => (50, 240),
            Kind::Hook => (30, 220),
            Kind::Component => (40, 400),
            Kind::Page => (30, 240),
            Kind::Layout => (30, 60),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SK {
    Type,
    Func,
    Async,
    Hook,
    Comp,
    Class,
    Const,
}

#[derive(Clone)]
struct Sym {
    name: String,
    k: SK,
}

fn sym(name: impl Into<String>, k: SK) -> Sym {
    Sym { name: name.into(), k }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Alias,
    Rel,
    Barrel,
    Dynamic,
    Require,
    ImportEq,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Local(usize),
    PkgRoot(usize),
    PkgDeep(usize, usize),
}

#[derive(Clone)]
struct Dep {
    t: Target,
    syms: Vec<Sym>,
    form: Form,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Variant {
    Verbatim,
    Renamed,
    Reformatted,
    Inserted,
    RenamedInserted,
}

impl Variant {
    fn label(self) -> &'static str {
        match self {
            Variant::Verbatim => "verbatim",
            Variant::Renamed => "renamed",
            Variant::Reformatted => "reformatted",
            Variant::Inserted => "inserted",
            Variant::RenamedInserted => "renamed+inserted",
        }
    }
}

#[derive(Clone, Copy)]
struct Style {
    indent: usize,
    tabs: bool,
    semi: bool,
    dq: bool,
    pad: bool,
    comments: u32,
    blanks: u32,
}

impl Style {
    fn random(r: &mut Rng) -> Style {
        Style {
            indent: if r.pct(70) { 2 } else { 4 },
            tabs: r.pct(5),
            semi: r.pct(80),
            dq: r.pct(35),
            pad: r.pct(85),
            comments: r.range(2, 10) as u32,
            blanks: r.range(8, 25) as u32,
        }
    }
    fn reformatted(self, seed: u64) -> Style {
        let mut r = Rng::new(seed ^ 0x5EF0);
        Style {
            indent: if self.indent == 2 { 4 } else { 2 },
            tabs: !self.tabs && r.pct(20),
            pad: !self.pad,
            comments: (self.comments + r.range(4, 9) as u32) % 14,
            blanks: (self.blanks + 11) % 30,
            ..self
        }
    }
}

#[derive(Clone)]
struct Mod {
    path: String,
    kind: Kind,
    ent: usize,
    name: String,
    exports: Vec<Sym>,
    lines: usize,
    seed: u64,
    deps: Vec<Dep>,
    css: bool,
    svg: bool,
    core: u8,
    style: Style,
    variant: Variant,
    vseed: u64,
    pool: Option<usize>,
}

struct Unit {
    name: String,
    dir: String,
    short: String,
    app: bool,
    style: Style,
    mods: Vec<Mod>,
    alias_pref: u32,
}

impl Unit {
    fn js_ext(&self) -> bool {
        self.short == "utils"
    }
}

#[derive(Default)]
struct Registry {
    paths: BTreeSet<String>,
    names: BTreeSet<String>,
}

impl Registry {
    fn free(&self, path: &str, exports: &[Sym]) -> bool {
        !self.paths.contains(path) && exports.iter().all(|s| !self.names.contains(&s.name))
    }
    fn take(&mut self, path: &str, exports: &[Sym]) {
        self.paths.insert(path.to_string());
        for s in exports {
            self.names.insert(s.name.clone());
        }
    }
}

/// Path (relative to the unit), primary name and planned exports of a candidate module.
fn candidate(kind: Kind, ent: usize, v: usize, r: &mut Rng, pkg: &str) -> (String, String, Vec<Sym>) {
    let (e, es) = ENTS[ent];
    let (pe, pes) = (pascal(e), pascal(es));
    let (path, name, exports) = match kind {
        Kind::Types => {
            if v == 0 {
                let ex = vec![
                    sym(pe.clone(), SK::Type),
                    sym(format!("{pe}Status"), SK::Type),
                    sym(format!("Create{pe}Input"), SK::Type),
                    sym(format!("{pe}ListResponse"), SK::Type),
                    sym(format!("{}Schema", camel(e)), SK::Const),
                ];
                (format!("src/types/{e}.ts"), pe.clone(), ex)
            } else {
                let s = TYPE_SUFFIX[(v - 1) % TYPE_SUFFIX.len()];
                let n = format!("{pe}{s}");
                let ex = vec![sym(n.clone(), SK::Type), sym(format!("{n}Kind"), SK::Type)];
                (format!("src/types/{e}-{}.ts", kebab(s)), n, ex)
            }
        }
        Kind::Util | Kind::Legacy => {
            let legacy = kind == Kind::Legacy;
            let n = r.range(2, 5);
            let mut ex = Vec::new();
            for _ in 0..n {
                let verb = EXPORT_VERBS[r.below(EXPORT_VERBS.len())];
                let noun = UTIL_NOUNS[r.below(UTIL_NOUNS.len())];
                let name = if legacy {
                    format!("legacy{}{pe}{noun}", pascal(verb))
                } else {
                    format!("{verb}{pe}{noun}")
                };
                if !ex.iter().any(|s: &Sym| s.name == name) {
                    ex.push(sym(name, SK::Func));
                }
            }
            let topic =
                ["helpers", "format", "mappers", "selectors", "transforms", "calc", "parsing", "rules"]
                    [v % 8];
            let path = if legacy {
                format!("src/lib/legacy/{e}-{topic}.js")
            } else if v == 0 {
                format!("src/lib/{e}.ts")
            } else {
                format!("src/lib/{e}/{topic}.ts")
            };
            let first = ex[0].name.clone();
            (path, first, ex)
        }
        Kind::Server => {
            let mut ex = Vec::new();
            for i in 0..r.range(2, 4) {
                let verb = SERVER_VERBS[(v + i * 3) % SERVER_VERBS.len()];
                let noun = UTIL_NOUNS[r.below(UTIL_NOUNS.len())];
                let name = format!("{verb}{pe}{noun}");
                if !ex.iter().any(|s: &Sym| s.name == name) {
                    ex.push(sym(name, SK::Async));
                }
            }
            let topic = ["store", "files", "crypto", "cache", "export", "import"][v % 6];
            let first = ex[0].name.clone();
            (format!("src/lib/server/{e}-{topic}.ts"), first, ex)
        }
        Kind::Api => {
            let sfx = if v == 0 { String::new() } else { pascal(TYPE_SUFFIX[(v - 1) % TYPE_SUFFIX.len()]) };
            let mut ex = Vec::new();
            for verb in API_VERBS {
                if ex.len() >= 2 && !r.pct(55) {
                    continue;
                }
                let name = match *verb {
                    "fetch" => format!("fetch{pes}{sfx}"),
                    "fetchOne" => format!("fetch{pe}{sfx}"),
                    "search" | "export" => format!("{verb}{pes}{sfx}"),
                    _ => format!("{verb}{pe}{sfx}"),
                };
                ex.push(sym(name, SK::Async));
            }
            if r.pct(40) {
                ex.push(sym(format!("{pes}{sfx}Api"), SK::Class));
            }
            let path = if v == 0 {
                format!("src/lib/api/{es}.ts")
            } else {
                format!("src/lib/api/{es}-{}.ts", kebab(&sfx))
            };
            let first = ex[0].name.clone();
            (path, first, ex)
        }
        Kind::Service => {
            let sfx = if v == 0 { "" } else { SERVICE_SUFFIX[(v - 1) % SERVICE_SUFFIX.len()] };
            let cls = format!("{pe}{sfx}Service");
            let ex = vec![sym(cls.clone(), SK::Class), sym(camel(&cls), SK::Const)];
            let path = if v == 0 {
                format!("src/services/{e}-service.ts")
            } else {
                format!("src/services/{e}-{}-service.ts", kebab(sfx))
            };
            (path, cls, ex)
        }
        Kind::Store => {
            let sfx = if v == 0 { "" } else { TYPE_SUFFIX[(v - 1) % TYPE_SUFFIX.len()] };
            let base = format!("{pe}{sfx}");
            let ex = vec![
                sym(format!("use{base}Store"), SK::Hook),
                sym(format!("{}Reducer", camel(&base)), SK::Func),
                sym(format!("initial{base}State"), SK::Const),
                sym(format!("{base}State"), SK::Type),
            ];
            let path = if v == 0 {
                format!("src/store/{e}-store.ts")
            } else {
                format!("src/store/{e}-{}-store.ts", kebab(sfx))
            };
            (path, format!("use{base}Store"), ex)
        }
        Kind::Hook => {
            let name = if pkg == "hooks" && v < GENERIC_HOOKS.len() {
                GENERIC_HOOKS[v].to_string()
            } else {
                let f = HOOK_FORMS[v % HOOK_FORMS.len()];
                match f {
                    "" => format!("use{pes}"),
                    "One" => format!("use{pe}"),
                    "Search" | "Pagination" => format!("use{pes}{f}"),
                    _ => format!("use{pe}{f}"),
                }
            };
            let mut ex = vec![sym(name.clone(), SK::Hook)];
            if r.pct(40) {
                ex.push(sym(format!("{}Options", pascal(&name)), SK::Type));
            }
            (format!("src/hooks/{}.ts", kebab(&name)), name, ex)
        }
        Kind::Component => {
            let name = if pkg == "ui" && v < UI_NAMES.len() {
                UI_NAMES[v].to_string()
            } else {
                format!("{pe}{}", COMP_SUFFIX[v % COMP_SUFFIX.len()])
            };
            let ex = vec![sym(name.clone(), SK::Comp), sym(format!("{name}Props"), SK::Type)];
            (format!("src/components/{es}/{name}.tsx"), name, ex)
        }
        Kind::Page => {
            let (route, nm) = match v % 6 {
                0 => (format!("src/app/{es}/page.tsx"), format!("{pes}Page")),
                1 => (format!("src/app/{es}/[id]/page.tsx"), format!("{pe}DetailPage")),
                2 => (format!("src/app/{es}/new/page.tsx"), format!("New{pe}Page")),
                3 => (format!("src/app/{es}/[id]/edit/page.tsx"), format!("Edit{pe}Page")),
                4 => (format!("src/app/(dashboard)/{es}/analytics/page.tsx"), format!("{pe}AnalyticsPage")),
                _ => (format!("src/app/settings/{es}/page.tsx"), format!("{pe}SettingsPage")),
            };
            (route, nm, Vec::new())
        }
        Kind::Layout => ("src/app/layout.tsx".to_string(), "RootLayout".to_string(), Vec::new()),
    };
    let path = match pkg {
        "" => path,
        _ => {
            let file = path.rsplit('/').next().unwrap_or(&path).to_string();
            match (pkg, kind) {
                ("ui", _) => format!("src/components/{file}"),
                ("auth", Kind::Server) => format!("src/server/{file}"),
                ("auth", _) => format!("src/client/{file}"),
                _ => format!("src/{file}"),
            }
        }
    };
    (path, name, exports)
}

fn mod_size(kind: Kind, r: &mut Rng) -> usize {
    let (lo, hi) = kind.size_range();
    lo + ((hi - lo) as f64 * r.unit().powf(1.8)) as usize
}

/// Plans one module of `kind` (entity drawn from `ents`), reserving its path and names.
#[allow(clippy::too_many_arguments)]
fn plan_mod(
    reg: &mut Registry,
    kind: Kind,
    ents: &[usize],
    r: &mut Rng,
    pkg: &str,
    style: Style,
    seed: u64,
    vstart: usize,
) -> Option<Mod> {
    for attempt in 0..60 {
        let ent = ents[r.below(ents.len())];
        let v = if pkg == "ui" || pkg == "hooks" { vstart + attempt } else { (attempt / 3) + r.below(2) };
        let (path, name, exports) = candidate(kind, ent, v, r, pkg);
        if reg.free(&path, &exports) {
            reg.take(&path, &exports);
            let lines = mod_size(kind, r);
            let css = kind == Kind::Component && r.pct(12);
            let svg = kind == Kind::Component && pkg.is_empty() && r.pct(3);
            return Some(Mod {
                path,
                kind,
                ent,
                name,
                exports,
                lines,
                seed: mix(seed, r.next()),
                deps: Vec::new(),
                css,
                svg,
                core: 0,
                style,
                variant: Variant::Verbatim,
                vseed: 0,
                pool: None,
            });
        }
    }
    None
}

fn dir_of(p: &str) -> &str {
    p.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

fn stem_path(p: &str) -> &str {
    let file_start = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    match p[file_start..].rfind('.') {
        Some(i) => &p[..file_start + i],
        None => p,
    }
}

/// The directory of a barrel (`index.ts`) that re-exports `path`, for app modules.
fn barrel_dir(path: &str) -> Option<&str> {
    let d = dir_of(path);
    let parts: Vec<&str> = d.split('/').collect();
    match parts.as_slice() {
        ["src", "components", _] | ["src", "hooks"] | ["src", "lib", "api"] => Some(d),
        _ => None,
    }
}

fn rel_spec(from_file: &str, to: &str) -> String {
    let from: Vec<&str> = dir_of(from_file).split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let mut common = 0;
    while common < from.len() && common + 1 < to_parts.len() && from[common] == to_parts[common] {
        common += 1;
    }
    let ups = from.len() - common;
    let rest = to_parts[common..].join("/");
    if ups == 0 {
        format!("./{rest}")
    } else {
        format!("{}{rest}", "../".repeat(ups))
    }
}

/// The specifier for a local dependency, as written in the importing file.
fn local_spec(unit: &Unit, from: &Mod, to: &Mod, form: Form) -> String {
    let from_js = from.path.ends_with(".js");
    let target = match form {
        Form::Barrel => barrel_dir(&to.path).unwrap_or(dir_of(&to.path)).to_string(),
        _ => {
            let s = stem_path(&to.path);
            if unit.js_ext() && !from_js && to.path.ends_with(".ts") {
                format!("{s}.js")
            } else {
                s.to_string()
            }
        }
    };
    let alias = unit.app && !from_js && form != Form::Rel && (form == Form::Alias || unit.alias_pref >= 50);
    if alias && form != Form::Require {
        format!("@/{}", target.strip_prefix("src/").unwrap_or(&target))
    } else {
        rel_spec(&from.path, &target)
    }
}

fn pkg_deep_spec(u: &Unit, m: &Mod) -> String {
    let stem = stem_path(&m.path);
    let file = stem.rsplit('/').next().unwrap_or(stem);
    match u.short.as_str() {
        "ui" => format!("{}/components/{file}", u.name),
        "utils" => format!("{}/{file}", u.name),
        "auth" if m.path.starts_with("src/server/") => format!("{}/server", u.name),
        "auth" => format!("{}/client", u.name),
        "hooks" => format!("{}/{stem}", u.name),
        _ => u.name.clone(),
    }
}

/// Modules re-exported from a package's root entry.
fn root_exposed(u: &Unit) -> Vec<usize> {
    (0..u.mods.len()).filter(|&i| !(u.short == "auth" && u.mods[i].path.starts_with("src/server/"))).collect()
}

// ---------------------------------------------------------------------------------------------
// Code generation for one module.

#[derive(Default, Clone)]
struct Avail {
    funcs: Vec<String>,
    asyncs: Vec<String>,
    hooks: Vec<String>,
    comps: Vec<String>,
    types: Vec<String>,
    classes: Vec<String>,
    consts: Vec<String>,
}

impl Avail {
    fn add(&mut self, name: String, k: SK) {
        let v = match k {
            SK::Type => &mut self.types,
            SK::Func => &mut self.funcs,
            SK::Async => &mut self.asyncs,
            SK::Hook => &mut self.hooks,
            SK::Comp => &mut self.comps,
            SK::Class => &mut self.classes,
            SK::Const => &mut self.consts,
        };
        v.push(name);
    }
}

#[derive(Default)]
struct ExtUse {
    default: Option<&'static str>,
    named: BTreeSet<(&'static str, bool)>,
}

struct Gen {
    o: String,
    lines: usize,
    ind: usize,
    r: Rng,
    c: Rng,
    st: Style,
    ren: usize,
    ins_at: usize,
    ins_kind: u64,
    nb: usize,
    scope: Vec<String>,
    setters: Vec<String>,
    ts: bool,
    tsx: bool,
    fields: Vec<&'static str>,
    helpers: Vec<String>,
    av: Avail,
    ext: BTreeMap<&'static str, ExtUse>,
    uniq: usize,
}

impl Gen {
    fn new(m: &Mod, av: Avail) -> Gen {
        let (ren, ins) = match m.variant {
            Variant::Renamed => (1 + (m.vseed % 60) as usize, false),
            Variant::Inserted => (0, true),
            Variant::RenamedInserted => (1 + (m.vseed % 60) as usize, true),
            _ => (0, false),
        };
        let reformatted = m.variant == Variant::Reformatted;
        let st = if reformatted { m.style.reformatted(m.vseed) } else { m.style };
        Gen {
            o: String::with_capacity(m.lines * 40),
            lines: 0,
            ind: 0,
            r: Rng::new(m.seed),
            c: Rng::new(if reformatted { m.vseed } else { m.seed ^ 0xC0_5E7C }),
            st,
            ren,
            ins_at: if ins { 3 + (m.vseed % 9) as usize } else { 0 },
            ins_kind: m.vseed >> 17,
            nb: 0,
            scope: Vec::new(),
            setters: Vec::new(),
            ts: !m.path.ends_with(".js"),
            tsx: m.path.ends_with(".tsx"),
            fields: ent_fields(m.ent),
            helpers: Vec::new(),
            av,
            ext: BTreeMap::new(),
            uniq: 0,
        }
    }

    // -- output --------------------------------------------------------------------------------
    fn ln(&mut self, s: &str) {
        if self.st.tabs {
            for _ in 0..self.ind {
                self.o.push('\t');
            }
        } else {
            for _ in 0..self.ind * self.st.indent {
                self.o.push(' ');
            }
        }
        self.o.push_str(s);
        self.o.push('\n');
        self.lines += 1;
    }
    fn blank(&mut self) {
        self.o.push('\n');
        self.lines += 1;
    }
    fn open(&mut self, s: &str) {
        self.ln(s);
        self.ind += 1;
    }
    fn close(&mut self, s: &str) {
        self.ind = self.ind.saturating_sub(1);
        self.ln(s);
    }
    fn mid(&mut self, s: &str) {
        self.ind = self.ind.saturating_sub(1);
        self.ln(s);
        self.ind += 1;
    }
    fn sc(&self) -> &'static str {
        if self.st.semi {
            ";"
        } else {
            ""
        }
    }
    fn q(&self, s: &str) -> String {
        let t = if self.ren > 0 { ren_str(s, self.ren) } else { s };
        quote(t, self.st.dq)
    }
    fn qr(&self, s: &str) -> String {
        quote(s, self.st.dq)
    }
    fn id(&self, s: &str) -> String {
        ren_id(s, self.ren)
    }
    fn br(&self, inner: &str) -> String {
        if inner.is_empty() {
            "{}".to_string()
        } else if self.st.pad {
            format!("{{ {inner} }}")
        } else {
            format!("{{{inner}}}")
        }
    }
    fn ann(&self, t: &str) -> String {
        if self.ts {
            format!(": {t}")
        } else {
            String::new()
        }
    }
    fn use_ext(&mut self, spec: &'static str, name: &'static str) -> &'static str {
        self.ext.entry(spec).or_default().named.insert((name, false));
        name
    }
    fn use_ext_type(&mut self, spec: &'static str, name: &'static str) -> &'static str {
        if self.ts {
            self.ext.entry(spec).or_default().named.insert((name, true));
        }
        name
    }
    fn use_default(&mut self, spec: &'static str, name: &'static str) -> &'static str {
        self.ext.entry(spec).or_default().default = Some(name);
        name
    }

    /// A statement boundary: the place for an inserted statement, a comment or a blank line.
    fn boundary(&mut self) {
        self.nb += 1;
        if self.ins_at == self.nb {
            let sc = self.sc();
            match self.ins_kind % 4 {
                0 => {
                    let s = format!("console.debug({}){sc}", self.qr("[trace] checkpoint reached"));
                    self.ln(&s);
                }
                1 => {
                    self.open("if (process.env.NODE_ENV !== 'production') {");
                    let s = format!("console.info({}){sc}", self.qr("debug mode enabled"));
                    self.ln(&s);
                    self.close("}");
                }
                2 => {
                    let s = format!("performance.mark({}){sc}", self.qr("synth:step"));
                    self.ln(&s);
                }
                _ => {
                    let s = format!("console.count({}){sc}", self.qr("render"));
                    self.ln(&s);
                }
            }
        }
        let a = self.c.below(100) as u32;
        let b = self.c.below(100) as u32;
        let which = self.c.below(COMMENTS.len());
        if a < self.st.comments {
            self.ln(&format!("// {}", COMMENTS[which]));
        } else if b < self.st.blanks && !self.o.ends_with("{\n") {
            self.blank();
        }
    }

    /// Between top-level sections: a blank line and perhaps a doc comment.
    fn section(&mut self, what: &str) {
        if !self.o.is_empty() && !self.o.ends_with("\n\n") {
            self.blank();
        }
        let a = self.c.below(100) as u32;
        let which = self.c.below(PHRASES.len());
        if a < self.st.comments * 4 {
            self.ln(&format!("/** {what}: {}. */", PHRASES[which].trim_end_matches(['.', '?'])));
        }
    }

    // -- names and expressions ---------------------------------------------------------------
    fn fresh(&mut self) -> String {
        for _ in 0..8 {
            let w = LOCALS[self.r.below(LOCALS.len())];
            if !self.scope.iter().any(|s| s == w) {
                self.scope.push(w.to_string());
                return self.id(w);
            }
        }
        self.uniq += 1;
        let w = format!("{}{}", LOCALS[self.r.below(LOCALS.len())], self.uniq);
        self.scope.push(w.clone());
        self.id(&w)
    }
    fn lit(&mut self) -> String {
        if self.r.pct(55) {
            NUMS[self.r.below(NUMS.len())].to_string()
        } else {
            let p = PHRASES[self.r.below(PHRASES.len())];
            self.q(p)
        }
    }
    fn lref(&mut self) -> String {
        if self.scope.is_empty() || self.r.pct(8) {
            return self.lit();
        }
        let i = self.r.below(self.scope.len());
        let n = self.scope[i].clone();
        self.id(&n)
    }
    fn obj_ref(&mut self) -> String {
        if self.scope.is_empty() {
            return "globalThis".to_string();
        }
        let i = self.r.below(self.scope.len());
        let n = self.scope[i].clone();
        self.id(&n)
    }
    fn field(&mut self) -> &'static str {
        self.fields[self.r.below(self.fields.len())]
    }
    fn args(&mut self, d: usize, max: usize) -> String {
        let n = self.r.below(max + 1);
        (0..n).map(|_| self.expr(d + 1)).collect::<Vec<_>>().join(", ")
    }
    fn call(&mut self, d: usize) -> String {
        if !self.av.funcs.is_empty() && self.r.pct(60) {
            let f = self.av.funcs[self.r.below(self.av.funcs.len())].clone();
            let a = self.args(d, 2);
            return format!("{f}({a})");
        }
        if !self.av.consts.is_empty() && self.r.pct(15) {
            let c = self.av.consts[self.r.below(self.av.consts.len())].clone();
            return format!("{c}.{}", self.field());
        }
        let f = *self.r.pick(&[
            "Math.round",
            "Math.floor",
            "Math.abs",
            "String",
            "Number",
            "Boolean",
            "JSON.stringify",
            "Object.keys",
            "Object.values",
            "Array.from",
            "encodeURIComponent",
        ]);
        let e = self.expr(d + 1);
        format!("{f}({e})")
    }
    fn cond(&mut self, d: usize) -> String {
        match self.r.below(if d >= 2 { 7 } else { 9 }) {
            0 => format!("!{}", self.obj_ref()),
            1 => format!("{}.length > 0", self.obj_ref()),
            2 => format!("{} > {}", self.lref(), NUMS[self.r.below(NUMS.len())]),
            3 => {
                let a = self.lref();
                let p = PHRASES[self.r.below(PHRASES.len())];
                format!("{a} === {}", self.q(p))
            }
            4 => format!("Array.isArray({})", self.lref()),
            5 => format!("typeof {} === {}", self.lref(), self.qr("string")),
            6 => format!("{}.{} !== undefined", self.obj_ref(), self.field()),
            7 => {
                let a = self.cond(d + 1);
                let b = self.cond(d + 1);
                format!("{} {} {}", paren(a), if self.r.pct(50) { "&&" } else { "||" }, paren(b))
            }
            _ => format!("Boolean({})", self.expr(d + 1)),
        }
    }
    fn obj(&mut self, d: usize) -> String {
        let n = self.r.range(1, 4);
        let mut parts = Vec::new();
        let mut used: BTreeSet<String> = BTreeSet::new();
        if self.r.pct(25) {
            parts.push(format!("...{}", self.obj_ref()));
        }
        for _ in 0..n {
            let k = self.field();
            if !used.insert(k.to_string()) {
                continue;
            }
            if self.r.pct(15) && !self.scope.is_empty() {
                // shorthand property
                let v = self.obj_ref();
                if !v.contains('.') && used.insert(v.clone()) {
                    parts.push(v);
                }
                continue;
            }
            let v = self.expr(d + 1);
            parts.push(format!("{k}: {v}"));
        }
        self.br(&parts.join(", "))
    }
    fn arr_method(&mut self, d: usize) -> String {
        let recv = self.obj_ref();
        let mark = self.scope.len();
        let out = match self.r.below(8) {
            0 => {
                let p = self.fresh();
                format!("{recv}.map(({p}) => {p}.{})", self.field())
            }
            1 => {
                let p = self.fresh();
                format!("{recv}.filter(({p}) => {p}.{})", self.field())
            }
            2 => {
                let p = self.fresh();
                let v = self.lit();
                format!("{recv}.some(({p}) => {p}.{} === {v})", self.field())
            }
            3 => {
                let a = self.fresh();
                let p = self.fresh();
                format!("{recv}.reduce(({a}, {p}) => {a} + Number({p}.{}), 0)", self.field())
            }
            4 => format!("{recv}.slice(0, {})", NUMS[self.r.below(6) + 1]),
            5 => format!("{recv}.join({})", self.qr(", ")),
            6 => {
                let a = self.fresh();
                let b = self.fresh();
                let f = self.field();
                format!("[...{recv}].sort(({a}, {b}) => String({a}.{f}).localeCompare(String({b}.{f})))")
            }
            _ => {
                let p = self.fresh();
                let e = self.expr(d + 2);
                format!("{recv}.find(({p}) => {p}.id === {})", paren(e))
            }
        };
        self.scope.truncate(mark);
        out
    }
    fn expr(&mut self, d: usize) -> String {
        let k = self.r.below(if d >= 2 { 6 } else { 17 });
        match k {
            0 | 1 => self.lref(),
            2 => self.lit(),
            3 => format!("{}.{}", self.obj_ref(), self.field()),
            4 => {
                let o = self.obj_ref();
                let f = self.field();
                let l = self.lit();
                format!("{o}?.{f} ?? {l}")
            }
            5 => self.call(d),
            6 => {
                let a = self.expr(d + 1);
                let b = self.expr(d + 1);
                format!("{} {} {}", paren(a), OPS[self.r.below(OPS.len())], paren(b))
            }
            7 => {
                let c = self.cond(d + 1);
                let a = self.expr(d + 1);
                let b = self.expr(d + 1);
                format!("{} ? {} : {}", paren(c), paren(a), paren(b))
            }
            8 => {
                let w = PHRASES[self.r.below(PHRASES.len())].trim_end_matches(['.', '?']);
                let e = self.expr(d + 1);
                format!("`{w}: ${{{e}}}`")
            }
            9 => self.obj(d + 1),
            10 => self.arr_method(d),
            11 => {
                let a = self.expr(d + 1);
                let b = self.expr(d + 1);
                format!("Math.{}({a}, {b})", if self.r.pct(50) { "max" } else { "min" })
            }
            12 => {
                let a = self.expr(d + 1);
                let b = self.expr(d + 1);
                format!("[{a}, {b}]")
            }
            13 => {
                if self.r.pct(50) {
                    "new Date().toISOString()".to_string()
                } else {
                    format!("new Date({}).getTime()", self.lref())
                }
            }
            14 => format!("{}.length", self.obj_ref()),
            15 => {
                let c = self.cond(d + 1);
                format!("Boolean({c})")
            }
            _ => {
                let a = self.obj_ref();
                let l = self.lit();
                format!("{a} ?? {l}")
            }
        }
    }
    fn ty(&mut self) -> String {
        if !self.av.types.is_empty() && self.r.pct(55) {
            let t = self.av.types[self.r.below(self.av.types.len())].clone();
            return match self.r.below(4) {
                0 => format!("{t}[]"),
                1 => format!("Partial<{t}>"),
                _ => t,
            };
        }
        (*self.r.pick(&["string", "number", "boolean", "Record<string, unknown>", "string[]", "unknown"]))
            .to_string()
    }

    // -- statements ----------------------------------------------------------------------------
    fn stmts(&mut self, n: usize, d: usize, asy: bool) {
        for _ in 0..n {
            self.stmt(d, asy);
        }
    }
    fn block(&mut self, head: &str, n: usize, d: usize, asy: bool) {
        let mark = self.scope.len();
        self.open(head);
        self.stmts(n, d + 1, asy);
        self.scope.truncate(mark);
    }
    fn stmt(&mut self, d: usize, asy: bool) {
        self.boundary();
        let sc = self.sc();
        let k = self.r.below(if d >= 2 { 6 } else { 14 });
        match k {
            0..=2 => {
                let e = self.expr(0);
                let v = self.fresh();
                self.ln(&format!("const {v} = {e}{sc}"));
            }
            3 => {
                let e = self.expr(0);
                let v = self.fresh();
                self.ln(&format!("let {v} = {e}{sc}"));
                let c = self.cond(1);
                self.open(&format!("if ({c}) {{"));
                let e2 = self.expr(1);
                self.ln(&format!("{v} = {e2}{sc}"));
                self.close("}");
            }
            4 => {
                let s = match self.r.below(3) {
                    0 => {
                        let p = PHRASES[self.r.below(PHRASES.len())];
                        let m = *self.r.pick(&["warn", "info", "debug"]);
                        let a = self.lref();
                        format!("console.{m}({}, {a}){sc}", self.q(p))
                    }
                    1 if !self.av.funcs.is_empty() => {
                        let f = self.av.funcs[self.r.below(self.av.funcs.len())].clone();
                        let a = self.args(1, 2);
                        format!("{f}({a}){sc}")
                    }
                    _ => {
                        let o = self.obj_ref();
                        let e = self.expr(1);
                        format!("{o}.push({e}){sc}")
                    }
                };
                self.ln(&s);
            }
            5 => {
                let c = self.cond(d);
                let n = self.r.range(1, 3);
                self.block(&format!("if ({c}) {{"), n, d, asy);
                if self.r.pct(35) {
                    let mark = self.scope.len();
                    self.mid("} else {");
                    let n2 = self.r.range(1, 2);
                    self.stmts(n2, d + 1, asy);
                    self.scope.truncate(mark);
                }
                self.close("}");
            }
            6 => {
                let col = self.obj_ref();
                let mark = self.scope.len();
                let it = self.fresh();
                self.open(&format!("for (const {it} of {col}) {{"));
                let n = self.r.range(1, 3);
                self.stmts(n, d + 1, asy);
                self.scope.truncate(mark);
                self.close("}");
            }
            7 => {
                let col = self.obj_ref();
                let mark = self.scope.len();
                let it = self.fresh();
                self.open(&format!("{col}.forEach(({it}) => {{"));
                let n = self.r.range(1, 2);
                self.stmts(n, d + 1, false);
                self.scope.truncate(mark);
                self.close(&format!("}}){sc}"));
            }
            8 => {
                let n = self.r.range(1, 3);
                self.block("try {", n, d, asy);
                let mark = self.scope.len();
                let e = self.fresh();
                self.mid(&format!("}} catch ({e}) {{"));
                let p = PHRASES[self.r.below(PHRASES.len())];
                let line = format!("console.error({}, {e}){sc}", self.q(p));
                self.ln(&line);
                self.scope.truncate(mark);
                self.close("}");
            }
            9 => {
                let x = self.lref();
                self.open(&format!("switch ({x}) {{"));
                for _ in 0..self.r.range(1, 3) {
                    let p = PHRASES[self.r.below(PHRASES.len())];
                    let l = format!("case {}: {{", self.q(p));
                    self.block(&l, 1, d + 1, asy);
                    self.ln(&format!("break{sc}"));
                    self.close("}");
                }
                self.open("default:");
                self.ln(&format!("break{sc}"));
                self.ind -= 1;
                self.close("}");
            }
            10 if asy => {
                let call = if !self.av.asyncs.is_empty() {
                    let f = self.av.asyncs[self.r.below(self.av.asyncs.len())].clone();
                    let a = self.args(1, 2);
                    format!("{f}({a})")
                } else {
                    let e = self.expr(1);
                    format!("Promise.resolve({e})")
                };
                let v = self.fresh();
                self.ln(&format!("const {v} = await {call}{sc}"));
            }
            11 => {
                let x = self.obj_ref();
                let l = self.lit();
                self.open(&format!("if (!{x}) {{"));
                self.ln(&format!("return {l}{sc}"));
                self.close("}");
            }
            12 => {
                let src = self.obj_ref();
                let f = self.field();
                let v = self.fresh();
                self.ln(&format!("const {} = {src}{sc}", self.br(&format!("{f}: {v}"))));
            }
            _ => {
                let e = self.expr(0);
                let v = self.fresh();
                let t = if self.ts && self.r.pct(40) { self.ty() } else { String::new() };
                let t = if t.is_empty() { t } else { format!(": {t}") };
                self.ln(&format!("const {v}{t} = {e}{sc}"));
            }
        }
    }

    // -- top-level sections ------------------------------------------------------------------
    fn params(&mut self, n: usize) -> String {
        let mut ps = Vec::new();
        for _ in 0..n {
            let p = self.fresh();
            let t = if self.ts { format!(": {}", self.ty()) } else { String::new() };
            ps.push(format!("{p}{t}"));
        }
        ps.join(", ")
    }
    fn function(&mut self, name: &str, exported: bool, asy: bool, size: usize) {
        let mark = self.scope.len();
        let np = self.r.range(0, 3);
        let ps = self.params(np);
        let ret = if self.ts && self.r.pct(50) {
            let t = self.ty();
            if asy {
                format!(": Promise<{t}>")
            } else {
                format!(": {t}")
            }
        } else {
            String::new()
        };
        let ex = if exported { "export " } else { "" };
        let a = if asy { "async " } else { "" };
        let arrow = self.r.pct(30);
        if arrow {
            self.open(&format!("{ex}const {name} = {a}({ps}){ret} => {{"));
        } else {
            self.open(&format!("{ex}{a}function {name}({ps}){ret} {{"));
        }
        self.stmts(size, 1, asy);
        self.boundary();
        let e = self.expr(0);
        self.ln(&format!("return {e}{}", self.sc()));
        self.scope.truncate(mark);
        if arrow {
            let sc = self.sc();
            self.close(&format!("}}{sc}"));
        } else {
            self.close("}");
        }
    }
    fn helper(&mut self) {
        let verb = HELPER_VERBS[self.r.below(HELPER_VERBS.len())];
        let noun = UTIL_NOUNS[self.r.below(UTIL_NOUNS.len())];
        let mut name = format!("{verb}{noun}");
        if self.helpers.contains(&name) {
            self.uniq += 1;
            name = format!("{verb}{noun}{}", self.uniq);
        }
        self.helpers.push(name.clone());
        self.section("Helper");
        let n = self.r.range(1, 5);
        let asy = self.r.pct(20);
        let display = self.id(&name);
        self.function(&display, false, asy, n);
        self.av.funcs.push(display);
    }
    fn const_table(&mut self) {
        self.uniq += 1;
        let name = format!("{}_{}", kebab(self.field()).replace('-', "_").to_uppercase(), self.uniq);
        let name = format!("DEFAULT_{name}");
        self.section("Defaults");
        let t = if self.ts && self.r.pct(50) { ": Record<string, unknown>" } else { "" };
        self.open(&format!("const {name}{t} = {{"));
        let mut used = BTreeSet::new();
        for _ in 0..self.r.range(2, 6) {
            let f = self.field();
            if used.insert(f) {
                let v = self.lit();
                self.ln(&format!("{f}: {v},"));
            }
        }
        let sc = self.sc();
        if self.ts && self.r.pct(40) {
            self.close(&format!("}} as const{sc}"));
        } else {
            self.close(&format!("}}{sc}"));
        }
        self.av.consts.push(name);
    }
    fn interface(&mut self, name: &str, exported: bool, base: bool) {
        let ex = if exported { "export " } else { "" };
        self.open(&format!("{ex}interface {name} {{"));
        let sc = self.sc();
        let fields = self.fields.clone();
        let n = if base { fields.len() } else { self.r.range(2, 6) };
        let mut used = BTreeSet::new();
        for i in 0..n {
            let f = if base { fields[i] } else { fields[self.r.below(fields.len())] };
            if !used.insert(f) {
                continue;
            }
            let opt = if f != "id" && self.r.pct(25) { "?" } else { "" };
            let ro = if f == "id" && self.r.pct(50) { "readonly " } else { "" };
            self.ln(&format!("{ro}{f}{opt}: {}{sc}", field_type(f)));
        }
        if !self.av.types.is_empty() && self.r.pct(60) {
            let t = self.av.types[self.r.below(self.av.types.len())].clone();
            self.ln(&format!("{}?: {t}{sc}", camel(&t)));
        }
        self.close("}");
    }
    fn types_section(&mut self, s: &Sym, ent: usize) {
        let sc = self.sc();
        let pe = pascal(ENTS[ent].0);
        self.section("Type");
        let n = &s.name;
        if s.k == SK::Const {
            let z = self.use_ext("zod", "z");
            self.open(&format!("export const {n} = {z}.object({{"));
            for f in self.fields.clone() {
                let zt = match field_type(f) {
                    "number" => "z.number()",
                    "boolean" => "z.boolean()",
                    "string[]" => "z.array(z.string())",
                    "Record<string, unknown>" => "z.record(z.unknown())",
                    _ => "z.string().min(1)",
                };
                let opt = if self.r.pct(30) { ".optional()" } else { "" };
                self.ln(&format!("{f}: {zt}{opt},"));
            }
            self.close(&format!("}}){sc}"));
            self.blank();
            self.ln(&format!("export type {pe}FormValues = z.infer<typeof {n}>{sc}"));
        } else if n.ends_with("Status") || n.ends_with("Kind") {
            let vals: Vec<String> = (0..self.r.range(3, 6))
                .map(|i| quote(["active", "pending", "archived", "failed", "draft", "done"][i], self.st.dq))
                .collect();
            self.ln(&format!("export type {n} = {}{sc}", vals.join(" | ")));
        } else if n.ends_with("ListResponse") {
            self.open(&format!("export interface {n} {{"));
            self.ln(&format!("items: {pe}[]{sc}"));
            self.ln(&format!("total: number{sc}"));
            self.ln(&format!("nextCursor?: string | null{sc}"));
            self.close("}");
        } else if n.starts_with("Create") {
            let fields = self.fields.clone();
            let keys: Vec<String> = fields.iter().skip(1).take(3).map(|f| quote(f, self.st.dq)).collect();
            self.open(&format!("export interface {n} extends Pick<{pe}, {}> {{", keys.join(" | ")));
            self.ln(&format!("clientMutationId?: string{sc}"));
            self.close("}");
        } else {
            let base = *n == pe;
            self.interface(n, true, base);
        }
    }
    fn class(&mut self, name: &str, exported: bool, target: usize) {
        let ex = if exported { "export " } else { "" };
        let sc = self.sc();
        self.section("Service");
        self.open(&format!("{ex}class {name} {{"));
        let fields = ["cacheMap", "inflight", "listeners", "retryCount", "lastSync", "pendingIds"];
        let nf = self.r.range(2, 4);
        let mark = self.scope.len();
        for f in fields.iter().take(nf) {
            let init = match *f {
                "cacheMap" => "new Map()",
                "listeners" | "pendingIds" => "new Set()",
                "retryCount" => "0",
                _ => "null",
            };
            let vis = if self.ts { "private " } else { "" };
            self.ln(&format!("{vis}{f} = {init}{sc}"));
            self.scope.push(format!("this.{f}"));
        }
        if !self.av.classes.is_empty() && self.r.pct(60) {
            let c = self.av.classes[self.r.below(self.av.classes.len())].clone();
            let vis = if self.ts { "private readonly " } else { "" };
            self.ln(&format!("{vis}delegate = new {c}(){sc}"));
        }
        self.blank();
        if self.ts {
            let b = self.qr("/api");
            self.ln(&format!("constructor(private readonly baseUrl: string = {b}) {{}}"));
        } else {
            self.open("constructor(baseUrl) {");
            self.ln(&format!("this.baseUrl = baseUrl{sc}"));
            self.close("}");
        }
        self.scope.push("this.baseUrl".to_string());
        let methods =
            ["load", "refresh", "persist", "invalidate", "subscribe", "reconcile", "flush", "prefetch"];
        let mut used: Vec<String> = Vec::new();
        while self.lines < target.saturating_sub(2) && used.len() < 12 {
            let m = methods[(used.len() + self.r.below(3)) % methods.len()];
            let mut mname = m.to_string();
            let mut n = 2;
            while used.contains(&mname) {
                mname = format!("{m}{n}");
                n += 1;
            }
            used.push(mname.clone());
            self.blank();
            let asy = self.r.pct(55);
            let imark = self.scope.len();
            let np = self.r.range(0, 2);
            let ps = self.params(np);
            let a = if asy { "async " } else { "" };
            self.open(&format!("{a}{mname}({ps}) {{"));
            let n = self.r.range(2, 6);
            self.stmts(n, 1, asy);
            let e = self.expr(0);
            self.ln(&format!("return {e}{sc}"));
            self.scope.truncate(imark);
            self.close("}");
        }
        self.scope.truncate(mark);
        self.close("}");
    }

    // -- JSX -----------------------------------------------------------------------------------
    fn classes(&mut self) -> String {
        let n = self.r.range(1, 4);
        let mut v: Vec<&str> = Vec::new();
        for _ in 0..n {
            let c = TW[self.r.below(TW.len())];
            if !v.contains(&c) {
                v.push(c);
            }
        }
        v.join(" ")
    }
    fn text(&mut self) -> &'static str {
        PHRASES[self.r.below(PHRASES.len())]
    }
    fn jsx_leaf(&mut self, key: Option<&str>) -> String {
        let k = key.map(|k| format!(" key={{{k}}}")).unwrap_or_default();
        match self.r.below(7) {
            0 | 1 if !self.av.comps.is_empty() => {
                let c = self.av.comps[self.r.below(self.av.comps.len())].clone();
                let mut attrs = String::new();
                for _ in 0..self.r.below(3) {
                    let (p, _) = PROP_NAMES[self.r.below(PROP_NAMES.len())];
                    if attrs.contains(&format!(" {p}=")) {
                        continue;
                    }
                    let e = self.expr(2);
                    let _ = write!(attrs, " {p}={{{e}}}");
                }
                format!("<{c}{k}{attrs} />")
            }
            2 => {
                let t = TEXT_TAGS[self.r.below(TEXT_TAGS.len())];
                let cls = self.classes();
                let e = self.expr(1);
                format!("<{t}{k} className=\"{cls}\">{{{e}}}</{t}>")
            }
            3 => {
                let t = TEXT_TAGS[self.r.below(TEXT_TAGS.len())];
                let x = self.text();
                format!("<{t}{k}>{x}</{t}>")
            }
            4 => {
                let h = if !self.setters.is_empty() {
                    let s = self.setters[self.r.below(self.setters.len())].clone();
                    let v = self.lit();
                    format!("{}({v})", self.id(&s))
                } else {
                    let a = self.lref();
                    format!("console.log({a})")
                };
                let x = self.text();
                format!("<button{k} type=\"button\" onClick={{() => {h}}}>{x}</button>")
            }
            5 => {
                let l = self.use_default("next/link", "Link");
                let e = self.lref();
                let x = self.text();
                format!("<{l}{k} href={{`/items/${{{e}}}`}}>{x}</{l}>")
            }
            _ => {
                let clsx = self.use_default("clsx", "clsx");
                let t = TEXT_TAGS[self.r.below(TEXT_TAGS.len())];
                let a = self.classes();
                let b = self.classes();
                let c = self.cond(2);
                let x = self.text();
                format!("<{t}{k} className={{{clsx}(\"{a}\", {} && \"{b}\")}}>{x}</{t}>", paren(c))
            }
        }
    }
    fn jsx(&mut self, d: usize, key: Option<String>) {
        if d >= 3 || self.r.pct(20 + 20 * d as u32) {
            let s = self.jsx_leaf(key.as_deref());
            self.ln(&s);
            return;
        }
        let k = key.map(|k| format!(" key={{{k}}}")).unwrap_or_default();
        let tag = match self.r.below(10) {
            0 => {
                self.use_ext("framer-motion", "motion");
                "motion.div".to_string()
            }
            1 | 2 if !self.av.comps.is_empty() => self.av.comps[self.r.below(self.av.comps.len())].clone(),
            _ => BOX_TAGS[self.r.below(BOX_TAGS.len())].to_string(),
        };
        let attrs = if tag == "motion.div" {
            let a = self.br("opacity: 0, y: 8");
            let b = self.br("opacity: 1, y: 0");
            format!(" initial={{{a}}} animate={{{b}}}")
        } else if tag.starts_with(|c: char| c.is_ascii_lowercase()) {
            let cls = self.classes();
            format!(" className=\"{cls}\"")
        } else {
            String::new()
        };
        self.open(&format!("<{tag}{k}{attrs}>"));
        for _ in 0..self.r.range(1, if d == 0 { 4 } else { 3 }) {
            match self.r.below(20) {
                0..=10 => self.jsx(d + 1, None),
                11..=13 => {
                    let c = self.cond(1);
                    self.open(&format!("{{{} && (", paren(c)));
                    self.jsx(d + 1, None);
                    self.close(")}");
                }
                14..=16 => {
                    let col = self.obj_ref();
                    let mark = self.scope.len();
                    let it = self.fresh();
                    self.open(&format!("{{{col}.map(({it}) => ("));
                    self.jsx(d + 1, Some(format!("{it}.id")));
                    self.scope.truncate(mark);
                    self.close("))}");
                }
                17 => {
                    let c = self.cond(1);
                    let l = self.jsx_leaf(None);
                    self.ln(&format!("{{{} ? {l} : null}}", paren(c)));
                }
                _ => {
                    let x = self.text();
                    self.ln(x);
                }
            }
        }
        self.close(&format!("</{tag}>"));
    }
    fn component(&mut self, name: &str, props: &str, exported: bool, size: usize) {
        let sc = self.sc();
        let mut pnames: Vec<(&str, &str)> = Vec::new();
        for _ in 0..self.r.range(2, 5) {
            let p = PROP_NAMES[self.r.below(PROP_NAMES.len())];
            if !pnames.iter().any(|x| x.0 == p.0) {
                pnames.push(p);
            }
        }
        let ex = if exported { "export " } else { "" };
        self.section("Props");
        self.open(&format!("{ex}interface {props} {{"));
        for (p, t) in &pnames {
            let opt = if self.r.pct(60) { "?" } else { "" };
            let t = if self.st.dq { t.replace('\'', "\"") } else { t.to_string() };
            self.ln(&format!("{p}{opt}: {t}{sc}"));
        }
        if !self.av.types.is_empty() && self.r.pct(50) {
            let t = self.av.types[self.r.below(self.av.types.len())].clone();
            self.ln(&format!("data?: {t}{sc}"));
        }
        self.close("}");
        self.section("Component");
        let mark = self.scope.len();
        let mut destr = Vec::new();
        for (p, t) in &pnames {
            self.scope.push(p.to_string());
            if t.starts_with('\'') && self.r.pct(50) {
                let first = t.split(' ').next().unwrap_or("''").trim_matches('\'');
                destr.push(format!("{p} = {}", quote(first, self.st.dq)));
            } else {
                destr.push(p.to_string());
            }
        }
        self.open(&format!("{ex}function {name}({}: {props}) {{", self.br(&destr.join(", "))));
        let us = self.use_ext("react", "useState");
        for _ in 0..self.r.range(1, 3) {
            let s = STATES[self.r.below(STATES.len())];
            if self.scope.iter().any(|x| x == s) {
                continue;
            }
            self.scope.push(s.to_string());
            let setter = format!("set{}", pascal(s));
            self.setters.push(setter.clone());
            let init = self.lit();
            let (a, b) = (self.id(s), self.id(&setter));
            self.ln(&format!("const [{a}, {b}] = {us}({init}){sc}"));
        }
        let hooks = self.av.hooks.clone();
        for h in hooks.iter().take(2) {
            let a = self.args(1, 1);
            let v = self.fresh();
            self.ln(&format!("const {v} = {h}({a}){sc}"));
        }
        if self.r.pct(50) {
            let um = self.use_ext("react", "useMemo");
            let e = arrow_body(self.expr(0));
            let dep = self.lref();
            let v = self.fresh();
            self.ln(&format!("const {v} = {um}(() => {e}, [{dep}]){sc}"));
        }
        if self.r.pct(50) {
            let uc = self.use_ext("react", "useCallback");
            let base = STATES[self.r.below(STATES.len())];
            let h = format!("handle{}", pascal(base));
            if !self.scope.contains(&h) {
                let imark = self.scope.len();
                let p = self.fresh();
                self.open(&format!("const {} = {uc}(({p}) => {{", self.id(&h)));
                let n = self.r.range(1, 3);
                self.stmts(n, 2, false);
                if !self.setters.is_empty() {
                    let s = self.setters[self.r.below(self.setters.len())].clone();
                    let line = format!("{}({p}){sc}", self.id(&s));
                    self.ln(&line);
                }
                self.scope.truncate(imark);
                let dep = self.lref();
                self.close(&format!("}}, [{dep}]){sc}"));
                self.scope.push(h);
            }
        }
        if self.r.pct(40) {
            let ue = self.use_ext("react", "useEffect");
            let imark = self.scope.len();
            self.open(&format!("{ue}(() => {{"));
            let n = self.r.range(1, 3);
            self.stmts(n, 2, false);
            self.scope.truncate(imark);
            let dep = self.lref();
            self.close(&format!("}}, [{dep}]){sc}"));
        }
        let n = size.min(6);
        self.stmts(n, 1, false);
        if self.r.pct(40) {
            let c = self.cond(1);
            let l = self.jsx_leaf(None);
            self.open(&format!("if ({c}) {{"));
            self.ln(&format!("return {l}{sc}"));
            self.close("}");
        }
        self.boundary();
        self.open("return (");
        self.jsx(0, None);
        self.close(&format!("){sc}"));
        self.scope.truncate(mark);
        self.setters.clear();
        self.close("}");
    }
    fn hook(&mut self, name: &str, opts: Option<&str>, exported: bool, size: usize) {
        let sc = self.sc();
        let ex = if exported { "export " } else { "" };
        if let Some(o) = opts {
            self.section("Options");
            self.interface(o, exported, false);
        }
        self.section("Hook");
        let mark = self.scope.len();
        self.scope.push("options".to_string());
        let ot = match opts {
            Some(o) if self.ts => format!(": {o}"),
            _ if self.ts => ": Record<string, unknown>".to_string(),
            _ => String::new(),
        };
        let on = self.id("options");
        self.open(&format!("{ex}function {name}({on}{ot} = {{}}) {{"));
        let us = self.use_ext("react", "useState");
        let mut states = Vec::new();
        for _ in 0..self.r.range(1, 3) {
            let s = STATES[self.r.below(STATES.len())];
            if self.scope.iter().any(|x| x == s) {
                continue;
            }
            self.scope.push(s.to_string());
            states.push(s);
            let setter = format!("set{}", pascal(s));
            self.setters.push(setter.clone());
            let init = self.lit();
            let (a, b) = (self.id(s), self.id(&setter));
            self.ln(&format!("const [{a}, {b}] = {us}({init}){sc}"));
        }
        if self.setters.is_empty() {
            self.scope.push("loading".to_string());
            states.push("loading");
            self.setters.push("setLoading".to_string());
            let (a, b) = (self.id("loading"), self.id("setLoading"));
            self.ln(&format!("const [{a}, {b}] = {us}(false){sc}"));
        }
        if !self.av.asyncs.is_empty() || self.r.pct(50) {
            let ue = self.use_ext("react", "useEffect");
            let imark = self.scope.len();
            self.open(&format!("{ue}(() => {{"));
            self.scope.push("cancelled".to_string());
            let c = self.id("cancelled");
            self.ln(&format!("let {c} = false{sc}"));
            let call = if !self.av.asyncs.is_empty() {
                let f = self.av.asyncs[self.r.below(self.av.asyncs.len())].clone();
                let a = self.args(1, 1);
                format!("{f}({a})")
            } else {
                let e = self.expr(1);
                format!("Promise.resolve({e})")
            };
            let res = self.fresh();
            self.open(&format!("{call}.then(({res}) => {{"));
            self.open(&format!("if (!{c}) {{"));
            let s = self.setters[0].clone();
            self.ln(&format!("{}({res}){sc}", self.id(&s)));
            self.close("}");
            let e = self.fresh();
            self.mid(&format!("}}).catch(({e}) => {{"));
            let p = PHRASES[self.r.below(PHRASES.len())];
            let line = format!("console.error({}, {e}){sc}", self.q(p));
            self.ln(&line);
            self.close(&format!("}}){sc}"));
            self.open("return () => {");
            self.ln(&format!("{c} = true{sc}"));
            self.close(&format!("}}{sc}"));
            self.scope.truncate(imark);
            let dep = self.lref();
            self.close(&format!("}}, [{dep}]){sc}"));
        }
        let hooks = self.av.hooks.clone();
        for h in hooks.iter().take(1) {
            let a = self.args(1, 1);
            let v = self.fresh();
            self.ln(&format!("const {v} = {h}({a}){sc}"));
        }
        let um = self.use_ext("react", "useMemo");
        let e = arrow_body(self.expr(0));
        let dep = self.lref();
        let memo = self.fresh();
        self.ln(&format!("const {memo} = {um}(() => {e}, [{dep}]){sc}"));
        self.stmts(size.min(8), 1, false);
        self.boundary();
        let mut ret: Vec<String> = states.iter().map(|s| self.id(s)).collect();
        ret.push(memo);
        if let Some(s) = self.setters.first().cloned() {
            ret.push(self.id(&s));
        }
        let r = self.br(&ret.join(", "));
        self.ln(&format!("return {r}{sc}"));
        self.scope.truncate(mark);
        self.setters.clear();
        self.close("}");
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering a module: body first (it records the externals it uses), then the import header.

struct World {
    units: Vec<Unit>,
}

struct ImportLine {
    spec: String,
    default: Option<String>,
    named: Vec<(String, bool)>,
    all_type: bool,
    group: u8,
}

fn render_import(st: &Style, l: &ImportLine) -> Vec<String> {
    let sc = if st.semi { ";" } else { "" };
    let spec = quote(&l.spec, st.dq);
    if l.default.is_none() && l.named.is_empty() {
        return vec![format!("import {spec}{sc}")];
    }
    let kw = if l.all_type { "import type " } else { "import " };
    let names: Vec<String> = l
        .named
        .iter()
        .map(|(n, t)| if *t && !l.all_type { format!("type {n}") } else { n.clone() })
        .collect();
    let mut head = String::from(kw);
    if let Some(d) = &l.default {
        head.push_str(d);
        if !names.is_empty() {
            head.push_str(", ");
        }
    }
    if names.is_empty() {
        return vec![format!("{head} from {spec}{sc}")];
    }
    if names.len() > 4 {
        let ind = if st.tabs { "\t".to_string() } else { " ".repeat(st.indent) };
        let mut out = vec![format!("{head}{{")];
        for n in names {
            out.push(format!("{ind}{n},"));
        }
        out.push(format!("}} from {spec}{sc}"));
        return out;
    }
    let inner = names.join(", ");
    let b = if st.pad { format!("{{ {inner} }}") } else { format!("{{{inner}}}") };
    vec![format!("{head}{b} from {spec}{sc}")]
}

fn render(w: &World, ui: usize, mi: usize) -> String {
    let unit = &w.units[ui];
    let m = &unit.mods[mi];
    let mut taken: BTreeSet<String> = m.exports.iter().map(|s| s.name.clone()).collect();
    let mut av = Avail::default();
    let mut lines: Vec<ImportLine> = Vec::new();
    let mut late: Vec<(Form, String, Vec<Sym>)> = Vec::new();
    for d in &m.deps {
        let (spec, group) = match d.t {
            Target::Local(t) => {
                let to = &unit.mods[t];
                let s = local_spec(unit, m, to, d.form);
                let g = if s.starts_with("@/") { 2 } else { 3 };
                (s, g)
            }
            Target::PkgRoot(p) => (w.units[p].name.clone(), 1),
            Target::PkgDeep(p, t) => (pkg_deep_spec(&w.units[p], &w.units[p].mods[t]), 1),
        };
        let mut syms = Vec::new();
        for s in &d.syms {
            let mut local = s.name.clone();
            let mut n = 2;
            while taken.contains(&local) {
                local = format!("{}{n}", s.name);
                n += 1;
            }
            taken.insert(local.clone());
            syms.push((s.clone(), local));
        }
        match d.form {
            Form::Dynamic | Form::Require | Form::ImportEq => {
                late.push((d.form, spec, syms.iter().map(|(s, l)| sym(l.clone(), s.k)).collect()));
                if d.form == Form::Require {
                    for (s, l) in &syms {
                        av.add(l.clone(), s.k);
                    }
                }
            }
            _ => {
                let named: Vec<(String, bool)> = syms
                    .iter()
                    .map(|(s, l)| {
                        let n = if *l == s.name { l.clone() } else { format!("{} as {l}", s.name) };
                        (n, s.k == SK::Type)
                    })
                    .collect();
                for (s, l) in &syms {
                    av.add(l.clone(), s.k);
                }
                let all_type = !named.is_empty()
                    && named.iter().all(|(_, t)| *t)
                    && !(m.seed ^ mi as u64).is_multiple_of(3);
                lines.push(ImportLine { spec, default: None, named, all_type, group });
            }
        }
    }
    if m.css {
        let stem = stem_path(&m.path).rsplit('/').next().unwrap_or("x").to_string();
        lines.push(ImportLine {
            spec: format!("./{stem}.module.css"),
            default: Some("styles".into()),
            named: vec![],
            all_type: false,
            group: 4,
        });
        av.consts.push("styles".into());
    }
    if m.svg {
        lines.push(ImportLine {
            spec: "@/assets/logo.svg".into(),
            default: Some("logoUrl".into()),
            named: vec![],
            all_type: false,
            group: 2,
        });
        av.consts.push("logoUrl".into());
    }

    let mut g = Gen::new(m, av);
    // late (non-import) dependencies: require, import-equals, dynamic import
    for (form, spec, syms) in &late {
        let sc = g.sc();
        let q = g.qr(spec);
        let names: Vec<String> = syms.iter().map(|s| s.name.clone()).collect();
        match form {
            Form::Require => {
                if g.ts {
                    g.ln("// eslint-disable-next-line @typescript-eslint/no-require-imports");
                }
                let b = g.br(&names.join(", "));
                g.ln(&format!("const {b} = require({q}){sc}"));
            }
            Form::ImportEq => {
                let ns = format!("{}Module", camel(stem_path(spec).rsplit('/').next().unwrap_or("dep")));
                g.ln(&format!("import {ns} = require({q}){sc}"));
                g.av.consts.push(ns);
            }
            _ => {
                let first = &syms[0];
                if g.tsx && first.k == SK::Comp {
                    let dynm = g.use_default("next/dynamic", "dynamic");
                    let n = &first.name;
                    g.ln(&format!("const Lazy{n} = {dynm}(() => import({q}).then((mod) => mod.{n})){sc}"));
                    g.av.comps.push(format!("Lazy{n}"));
                } else {
                    let n = &first.name;
                    let loader = format!("load{}", pascal(n));
                    g.open(&format!("async function {loader}() {{"));
                    g.ln(&format!("const mod = await import({q}){sc}"));
                    g.ln(&format!("return mod.{n}{sc}"));
                    g.close("}");
                    g.av.asyncs.push(loader);
                }
            }
        }
    }
    let mut directive = None;
    gen_body(&mut g, unit, m, &mut directive);

    // header
    let st = g.st;
    let mut ext_lines: Vec<ImportLine> = Vec::new();
    for (spec, u) in &g.ext {
        let named: Vec<(String, bool)> = u.named.iter().map(|(n, t)| (n.to_string(), *t)).collect();
        let all_type = u.default.is_none() && !named.is_empty() && named.iter().all(|(_, t)| *t);
        ext_lines.push(ImportLine {
            spec: spec.to_string(),
            default: u.default.map(|d| d.to_string()),
            named,
            all_type,
            group: 0,
        });
    }
    ext_lines.extend(lines);
    ext_lines.sort_by_key(|l| l.group);
    let mut out = String::with_capacity(g.o.len() + 1024);
    if let Some(d) = directive {
        let _ = writeln!(out, "{}{}", quote(d, st.dq), if st.semi { ";" } else { "" });
        out.push('\n');
    }
    if !g.ts {
        out.push_str("'use strict';\n\n");
    }
    let mut last_group = None;
    for l in &ext_lines {
        if last_group == Some(0) && l.group != 0 {
            out.push('\n');
        }
        last_group = Some(l.group);
        for s in render_import(&st, l) {
            out.push_str(&s);
            out.push('\n');
        }
    }
    if !ext_lines.is_empty() {
        out.push('\n');
    }
    out.push_str(&g.o);
    out
}

fn gen_body(g: &mut Gen, unit: &Unit, m: &Mod, directive: &mut Option<&'static str>) {
    let target = m.lines.saturating_sub(m.deps.len() + 3);
    let sc = g.sc();
    match m.kind {
        Kind::Types => {
            if !m.exports.is_empty() {
                for s in m.exports.clone() {
                    g.types_section(&s, m.ent);
                }
            }
            let mut i = 0;
            while g.lines < target {
                i += 1;
                let sfx = TYPE_SUFFIX[(i + g.r.below(3)) % TYPE_SUFFIX.len()];
                let name = format!("{}{sfx}{i}", pascal(ENTS[m.ent].0));
                g.section("Type");
                if g.r.pct(20) {
                    let vals: Vec<String> = (0..g.r.range(2, 5))
                        .map(|j| quote(PHRASES[j * 7 % PHRASES.len()], g.st.dq))
                        .collect();
                    g.ln(&format!("export type {name} = {}{sc}", vals.join(" | ")));
                } else if g.r.pct(15) {
                    g.open(&format!("export enum {name} {{"));
                    for v in ["Primary", "Secondary", "Fallback", "Legacy"].iter().take(g.r.range(2, 4)) {
                        let q = quote(&kebab(v), g.st.dq);
                        g.ln(&format!("{v} = {q},"));
                    }
                    g.close("}");
                } else {
                    g.interface(&name, true, false);
                }
                g.av.types.push(name);
            }
        }
        Kind::Util | Kind::Legacy => {
            if m.core == 1 {
                let clsx = g.use_ext("clsx", "clsx");
                let cv = g.use_ext_type("clsx", "ClassValue");
                let tw = g.use_ext("tailwind-merge", "twMerge");
                g.open(&format!("export function cn(...inputs: {cv}[]) {{"));
                g.ln(&format!("return {tw}({clsx}(inputs)){sc}"));
                g.close("}");
            }
            let exported: Vec<Sym> =
                m.exports.iter().filter(|s| !(m.core == 1 && s.name == "cn")).cloned().collect();
            let per = exported.len().max(1);
            let mut done = 0;
            for (i, s) in exported.iter().enumerate() {
                while g.lines < target * (i + 1) / (per + 1) && done < 20 {
                    done += 1;
                    if g.r.pct(70) {
                        g.helper();
                    } else {
                        g.const_table();
                    }
                }
                g.section("Utility");
                let n = (target / (per + 1) / 7).clamp(1, 6) + g.r.below(2);
                let asy = s.k == SK::Async;
                g.function(&s.name, g.ts, asy, n);
                g.av.funcs.push(s.name.clone());
            }
            while g.lines < target {
                g.helper();
            }
            if !g.ts {
                g.blank();
                let names: Vec<String> = exported.iter().map(|s| s.name.clone()).collect();
                let b = g.br(&names.join(", "));
                g.ln(&format!("module.exports = {b}{sc}"));
            }
        }
        Kind::Server => {
            let rf = g.use_ext("node:fs/promises", "readFile");
            g.use_default("node:path", "path");
            g.av.asyncs.push(rf.to_string());
            g.av.funcs.push("path.join".to_string());
            if g.r.pct(50) {
                let h = g.use_ext("crypto", "createHash");
                g.av.funcs.push(h.to_string());
            }
            let per = m.exports.len().max(1);
            for (i, s) in m.exports.clone().iter().enumerate() {
                while g.lines < target * (i + 1) / (per + 1) {
                    g.helper();
                }
                g.section("Server");
                let n = g.r.range(2, 7);
                g.function(&s.name, true, true, n);
            }
        }
        Kind::Api => {
            if m.core == 2 {
                let ax = g.use_default("axios", "axios");
                let cname = if unit.app { "apiClient" } else { "http" };
                g.open(&format!("export const {cname} = {ax}.create({{"));
                let b = g.qr("/api");
                g.ln(&format!("baseURL: process.env.NEXT_PUBLIC_API_URL ?? {b},"));
                g.ln("timeout: 10000,");
                g.ln(&format!(
                    "headers: {},",
                    g.br(&format!("{}: {}", g.qr("Content-Type"), g.qr("application/json")))
                ));
                g.close(&format!("}}){sc}"));
                g.section("Errors");
                let cls =
                    m.exports.iter().find(|s| s.k == SK::Class).map(|s| s.name.clone()).unwrap_or_default();
                g.open(&format!("export class {cls} extends Error {{"));
                g.open(
                    "constructor(message: string, public readonly status: number, public readonly code?: string) {",
                );
                g.ln(&format!("super(message){sc}"));
                g.ln(&format!("this.name = {}{sc}", g.qr(&cls)));
                g.close("}");
                g.close("}");
                g.av.consts.push(cname.to_string());
            }
            let client =
                g.av.consts
                    .iter()
                    .find(|c| c.ends_with("Client") || c.as_str() == "http")
                    .cloned()
                    .unwrap_or_else(|| g.use_default("axios", "axios").to_string());
            g.section("Config");
            let base = format!("/api/{}", ENTS[m.ent].1);
            let bq = g.q(&base);
            g.ln(&format!("const BASE_PATH = {bq}{sc}"));
            g.av.consts.push("BASE_PATH".into());
            let per = m.exports.len().max(1);
            for (i, s) in m.exports.clone().iter().enumerate() {
                while g.lines < target * (i + 1) / (per + 1) {
                    if g.r.pct(75) {
                        g.helper();
                    } else {
                        g.const_table();
                    }
                }
                match s.k {
                    SK::Class if m.core != 2 => g.class(&s.name, true, g.lines + 30),
                    SK::Async => {
                        g.section("Endpoint");
                        let mark = g.scope.len();
                        let p = g.fresh();
                        let t = g.ty();
                        let ann = g.ann(&format!("{t} = {{}}"));
                        let ann = if g.ts { ann } else { " = {}".to_string() };
                        g.open(&format!("export async function {}({p}{ann}) {{", s.name));
                        let n = g.r.range(1, 4);
                        g.stmts(n, 1, true);
                        let method = *g.r.pick(&["get", "post", "put", "delete", "patch"]);
                        let v = g.fresh();
                        let o = g.br(&format!("params: {p}"));
                        g.ln(&format!("const {v} = await {client}.{method}(BASE_PATH, {o}){sc}"));
                        g.ln(&format!("return {v}.data{sc}"));
                        g.scope.truncate(mark);
                        g.close("}");
                        g.av.asyncs.push(s.name.clone());
                    }
                    _ => {}
                }
            }
            while g.lines < target {
                g.helper();
            }
        }
        Kind::Service => {
            let cls = m.exports.iter().find(|s| s.k == SK::Class).map(|s| s.name.clone()).unwrap_or_default();
            let half = target / 3;
            while g.lines < half {
                if g.r.pct(70) {
                    g.helper();
                } else {
                    g.const_table();
                }
            }
            g.class(&cls, true, target.saturating_sub(4));
            g.blank();
            if let Some(inst) = m.exports.iter().find(|s| s.k == SK::Const) {
                g.ln(&format!("export const {} = new {cls}(){sc}", inst.name));
            }
        }
        Kind::Store => {
            let ty = |k: SK| m.exports.iter().find(|s| s.k == k).map(|s| s.name.clone()).unwrap_or_default();
            let (hook, red, init, state) = (ty(SK::Hook), ty(SK::Func), ty(SK::Const), ty(SK::Type));
            let es = ENTS[m.ent].1;
            let item = g.av.types.first().cloned().unwrap_or_else(|| "Record<string, unknown>".into());
            g.section("State");
            g.open(&format!("export interface {state} {{"));
            g.ln(&format!("items: {item}[]{sc}"));
            g.ln(&format!("loading: boolean{sc}"));
            g.ln(&format!("error: string | null{sc}"));
            g.ln(&format!("selectedId: string | null{sc}"));
            g.close("}");
            let actions = ["loaded", "failed", "selected", "cleared", "updated", "removed"];
            let na = g.r.range(3, 6);
            g.section("Actions");
            let action = format!("{state}Action");
            g.ln(&format!("type {action} ="));
            g.ind += 1;
            for a in actions.iter().take(na) {
                let t = g.q(&format!("{es}/{a}"));
                let b = g.br(&format!("type: {t}; payload?: unknown"));
                g.ln(&format!("| {b}"));
            }
            g.ind -= 1;
            g.section("Initial state");
            let b = g.br("items: [], loading: false, error: null, selectedId: null");
            g.ln(&format!("export const {init}: {state} = {b}{sc}"));
            g.section("Reducer");
            g.open(&format!("export function {red}(state: {state}, action: {action}): {state} {{"));
            g.scope.push("state".into());
            g.scope.push("action".into());
            g.open("switch (action.type) {");
            for a in actions.iter().take(na) {
                let t = g.q(&format!("{es}/{a}"));
                let mark = g.scope.len();
                g.open(&format!("case {t}: {{"));
                let n = g.r.range(0, 3);
                g.stmts(n, 2, false);
                let f = g.field();
                let e = g.expr(1);
                let b = g.br(&format!("...{}, {f}: {e}", g.id("state")));
                g.ln(&format!("return {b}{sc}"));
                g.scope.truncate(mark);
                g.close("}");
            }
            g.open("default:");
            g.ln(&format!("return {}{sc}", g.id("state")));
            g.ind -= 1;
            g.close("}");
            g.scope.clear();
            g.close("}");
            g.section("Store");
            let create = g.use_ext("zustand", "create");
            g.open(&format!("export const {hook} = {create}<{state} & {{ dispatch: (action: {action}) => void }}>((set) => ({{"));
            g.ln(&format!("...{init},"));
            g.ln(&format!("dispatch: (action) => set((current) => {red}(current, action)),"));
            g.close(&format!("}})){sc}"));
            while g.lines < target {
                g.helper();
            }
        }
        Kind::Hook => {
            *directive = if g.r.pct(30) { Some("use client") } else { None };
            let hook = m.exports.iter().find(|s| s.k == SK::Hook).map(|s| s.name.clone()).unwrap_or_default();
            let opts = m.exports.iter().find(|s| s.k == SK::Type).map(|s| s.name.clone());
            let half = target / 3;
            while g.lines < half {
                g.helper();
            }
            let n = (target.saturating_sub(g.lines + 30) / 5).clamp(1, 8);
            g.hook(&hook, opts.as_deref(), true, n);
            while g.lines < target {
                g.helper();
            }
        }
        Kind::Component => {
            *directive = if g.r.pct(60) { Some("use client") } else { None };
            let comp = m.exports.iter().find(|s| s.k == SK::Comp).map(|s| s.name.clone()).unwrap_or_default();
            let props = format!("{comp}Props");
            // helpers and private sub-components first, then the exported component
            let mut part = 0;
            while g.lines + 70 < target {
                if g.r.pct(45) && part < PARTS.len() {
                    let sub = format!("{comp}{}", PARTS[part]);
                    part += 1;
                    let n = g.r.range(1, 4);
                    g.component(&sub, &format!("{sub}Props"), false, n);
                    g.av.comps.push(sub);
                } else {
                    g.helper();
                }
            }
            let n = g.r.range(1, 5);
            g.component(&comp, &props, true, n);
            if g.r.pct(25) {
                g.blank();
                g.ln(&format!("export default {comp}{sc}"));
            }
        }
        Kind::Page | Kind::Layout => {
            let layout = m.kind == Kind::Layout;
            if layout {
                let meta = g.use_ext_type("next", "Metadata");
                let rn = g.use_ext_type("react", "ReactNode");
                g.ln(&format!("export const metadata: {meta} = {{"));
                g.ind += 1;
                let t = g.q(&pascal(&unit.short));
                g.ln(&format!("title: {t},"));
                let d = g.q("Overview");
                g.ln(&format!("description: {d},"));
                g.close(&format!("}}{sc}"));
                g.blank();
                g.open(&format!(
                    "export default function RootLayout({{ children }}: {{ children: {rn} }}) {{"
                ));
                g.open("return (");
                g.open("<html lang=\"en\">");
                g.open("<body className=\"min-h-screen bg-background antialiased\">");
                let wrapper = g.av.comps.first().cloned();
                match wrapper {
                    Some(wc) => {
                        g.open(&format!("<{wc}>"));
                        g.ln("{children}");
                        g.close(&format!("</{wc}>"));
                    }
                    None => g.ln("{children}"),
                }
                g.close("</body>");
                g.close("</html>");
                g.close(&format!("){sc}"));
                g.close("}");
                return;
            }
            let client = g.r.pct(35);
            if client {
                *directive = Some("use client");
            } else {
                let meta = g.use_ext_type("next", "Metadata");
                let t = g.q(&pascal(ENTS[m.ent].1));
                let b = g.br(&format!("title: {t}"));
                g.ln(&format!("export const metadata: {meta} = {b}{sc}"));
            }
            while g.lines + 30 < target {
                g.helper();
            }
            g.section("Page");
            let mark = g.scope.len();
            g.scope.push("params".into());
            let a = if client { "" } else { "async " };
            let pt = g.br(&format!("params: {}", g.br("id: string")));
            g.open(&format!("export default {a}function {}({}: {pt}) {{", m.name, g.br("params")));
            if client {
                for h in g.av.hooks.clone().iter().take(2) {
                    let v = g.fresh();
                    g.ln(&format!("const {v} = {h}(){sc}"));
                }
            } else if !g.av.asyncs.is_empty() {
                let f = g.av.asyncs[0].clone();
                let v = g.fresh();
                g.ln(&format!("const {v} = await {f}(params.id){sc}"));
                if g.r.pct(30) {
                    let nf = g.use_ext("next/navigation", "notFound");
                    g.open(&format!("if (!{v}) {{"));
                    g.ln(&format!("{nf}(){sc}"));
                    g.close("}");
                }
            }
            let n = g.r.range(1, 4);
            g.stmts(n, 1, !client);
            g.boundary();
            g.open("return (");
            g.open("<main className=\"mx-auto max-w-6xl space-y-6 p-6\">");
            let h = g.text();
            g.ln(&format!("<h1 className=\"text-2xl font-semibold\">{h}</h1>"));
            for _ in 0..g.r.range(1, 3) {
                g.jsx(1, None);
            }
            g.close("</main>");
            g.close(&format!("){sc}"));
            g.scope.truncate(mark);
            g.close("}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Planning the whole tree.

struct PkgSpec {
    short: &'static str,
    kinds: &'static [Kind],
    weight: usize,
    deps: &'static [&'static str],
    generic: bool,
}

const PKGS: &[PkgSpec] = &[
    PkgSpec { short: "types", kinds: &[Kind::Types], weight: 10, deps: &[], generic: false },
    PkgSpec { short: "utils", kinds: &[Kind::Util], weight: 15, deps: &["types"], generic: true },
    PkgSpec { short: "config", kinds: &[Kind::Util], weight: 4, deps: &[], generic: true },
    PkgSpec { short: "hooks", kinds: &[Kind::Hook], weight: 10, deps: &["utils"], generic: true },
    PkgSpec {
        short: "api-client",
        kinds: &[Kind::Types, Kind::Api],
        weight: 12,
        deps: &["types", "utils"],
        generic: false,
    },
    PkgSpec { short: "ui", kinds: &[Kind::Component], weight: 25, deps: &["utils", "hooks"], generic: false },
    PkgSpec {
        short: "auth",
        kinds: &[Kind::Server, Kind::Hook, Kind::Component],
        weight: 12,
        deps: &["api-client", "hooks", "types", "utils"],
        generic: false,
    },
    PkgSpec {
        short: "analytics",
        kinds: &[Kind::Util, Kind::Service, Kind::Hook],
        weight: 12,
        deps: &["utils", "types"],
        generic: false,
    },
];

/// Share (per mille) of an app's own lines per module kind, in planning order.
const APP_KINDS: &[(Kind, usize)] = &[
    (Kind::Types, 80),
    (Kind::Util, 95),
    (Kind::Legacy, 12),
    (Kind::Server, 30),
    (Kind::Api, 90),
    (Kind::Service, 80),
    (Kind::Store, 50),
    (Kind::Hook, 120),
    (Kind::Component, 340),
    (Kind::Page, 103),
];

struct PoolInfo {
    spread: u32,
    ident_apps: Vec<usize>,
    copies: Vec<(usize, Variant)>,
}

struct Planner {
    seed: u64,
    units: Vec<Unit>,
    pool: Vec<Mod>,
    pool_info: Vec<PoolInfo>,
    pkg_index: BTreeMap<&'static str, usize>,
}

/// Which workspace packages a module of `kind` in an app imports, with probability and the
/// chance of a subpath import.
fn app_pkg_policy(kind: Kind) -> &'static [(&'static str, u32, u32)] {
    match kind {
        Kind::Component => &[("ui", 75, 25), ("utils", 25, 20), ("hooks", 20, 10), ("auth", 8, 50)],
        Kind::Page => &[("ui", 50, 20), ("auth", 15, 100)],
        Kind::Layout => &[("ui", 100, 0), ("auth", 30, 0)],
        Kind::Hook => &[("hooks", 30, 10), ("api-client", 15, 0), ("utils", 15, 20)],
        Kind::Api => &[("api-client", 35, 0), ("types", 35, 0), ("utils", 15, 0)],
        Kind::Service => &[("api-client", 25, 0), ("analytics", 25, 0), ("utils", 20, 20)],
        Kind::Store => &[("types", 25, 0), ("utils", 15, 0)],
        Kind::Util => &[("utils", 35, 30), ("types", 20, 0)],
        Kind::Types => &[("types", 30, 0)],
        Kind::Server => &[("auth", 35, 100), ("config", 20, 0), ("utils", 15, 0)],
        Kind::Legacy => &[],
    }
}

fn local_dep_count(kind: Kind, r: &mut Rng) -> usize {
    match kind {
        Kind::Types | Kind::Util | Kind::Server => r.range(0, 2),
        Kind::Legacy => r.range(0, 1),
        Kind::Api | Kind::Store => r.range(1, 2),
        Kind::Service | Kind::Hook => r.range(1, 4),
        Kind::Component => r.range(1, 5),
        Kind::Page => r.range(2, 5),
        Kind::Layout => r.range(1, 3),
    }
}

fn pick_syms(r: &mut Rng, exports: &[Sym], max: usize) -> Vec<Sym> {
    if exports.is_empty() {
        return Vec::new();
    }
    let n = r.range(1, max.min(exports.len()));
    let start = r.below(exports.len());
    (0..n).map(|i| exports[(start + i) % exports.len()].clone()).collect()
}

impl Planner {
    fn new(seed: u64) -> Planner {
        Planner {
            seed,
            units: Vec::new(),
            pool: Vec::new(),
            pool_info: Vec::new(),
            pkg_index: BTreeMap::new(),
        }
    }

    fn packages(&mut self, budget: usize) {
        let total_w: usize = PKGS.iter().map(|p| p.weight).sum();
        for spec in PKGS {
            let mut r = Rng::new(mix(self.seed, hash_str(spec.short)));
            let style = Style::random(&mut r);
            let mut unit = Unit {
                name: format!("@synth/{}", spec.short),
                dir: format!("packages/{}", spec.short),
                short: spec.short.to_string(),
                app: false,
                style,
                mods: Vec::new(),
                alias_pref: 0,
            };
            let mut reg = Registry::default();
            let ents: Vec<usize> =
                if spec.generic { (DOMAIN..ENTS.len()).collect() } else { (0..DOMAIN).collect() };
            let pbudget = budget * spec.weight / total_w;
            if spec.short == "api-client" {
                let m = core_mod(2, &mut reg, style, r.next(), false);
                unit.mods.push(m);
            }
            if spec.short == "ui" {
                let m = core_mod(1, &mut reg, style, r.next(), false);
                unit.mods.push(m);
            }
            let mut planned = 0;
            let mut vstart = 0;
            let mut fails = 0;
            while planned < pbudget && fails < 50 {
                let kind = spec.kinds[r.below(spec.kinds.len())];
                let seed = r.next();
                match plan_mod(&mut reg, kind, &ents, &mut r, spec.short, style, seed, vstart) {
                    Some(m) => {
                        planned += m.lines;
                        vstart += 1;
                        unit.mods.push(m);
                    }
                    None => fails += 1,
                }
            }
            self.pkg_index.insert(spec.short, self.units.len());
            self.units.push(unit);
        }
        // dependencies inside and between packages
        for (pi, spec) in PKGS.iter().enumerate() {
            let mut r = Rng::new(mix(self.seed ^ 0xD0D0, pi as u64));
            let n = self.units[pi].mods.len();
            for mi in 0..n {
                let (kind, layer) = (self.units[pi].mods[mi].kind, self.units[pi].mods[mi].kind.layer());
                let mut deps = Vec::new();
                let cands: Vec<usize> = (0..n)
                    .filter(|&t| t != mi && self.units[pi].mods[t].kind.layer() <= layer)
                    .filter(|&t| self.units[pi].mods[t].kind.layer() < layer || r.pct(5))
                    .collect();
                if kind == Kind::Api {
                    if let Some(c) = (0..n).find(|&t| self.units[pi].mods[t].core == 2 && t != mi) {
                        deps.push(Dep {
                            t: Target::Local(c),
                            syms: vec![sym("http", SK::Const)],
                            form: Form::Rel,
                        });
                    }
                }
                if !cands.is_empty() {
                    for _ in 0..r.range(0, 2) {
                        let t = cands[r.below(cands.len())];
                        if deps.iter().any(|d: &Dep| d.t == Target::Local(t)) {
                            continue;
                        }
                        let syms = pick_syms(&mut r, &self.units[pi].mods[t].exports, 2);
                        deps.push(Dep { t: Target::Local(t), syms, form: Form::Rel });
                    }
                }
                for dn in spec.deps {
                    if !r.pct(35) {
                        continue;
                    }
                    let p = self.pkg_index[dn];
                    let exposed = root_exposed(&self.units[p]);
                    if exposed.is_empty() {
                        continue;
                    }
                    let t = exposed[r.below(exposed.len())];
                    let syms = pick_syms(&mut r, &self.units[p].mods[t].exports, 2);
                    deps.push(Dep { t: Target::PkgRoot(p), syms, form: Form::Alias });
                }
                self.units[pi].mods[mi].deps = deps;
            }
        }
    }

    /// Plans a list of modules for an app-like unit until `budget` lines.
    fn plan_app_mods(
        &mut self,
        reg: &mut Registry,
        ents: &[usize],
        budget: usize,
        style: Style,
        r: &mut Rng,
    ) -> Vec<Mod> {
        let mut mods = Vec::new();
        for (kind, share) in APP_KINDS {
            let kb = budget * share / 1000;
            let mut planned = 0;
            let mut fails = 0;
            while planned < kb && fails < 30 {
                let seed = r.next();
                match plan_mod(reg, *kind, ents, r, "", style, seed, 0) {
                    Some(m) => {
                        planned += m.lines;
                        mods.push(m);
                    }
                    None => fails += 1,
                }
            }
        }
        mods
    }

    fn pick_pkg_dep(&self, r: &mut Rng, kind: Kind) -> Vec<Dep> {
        let mut out = Vec::new();
        for (short, p, deep) in app_pkg_policy(kind) {
            if !r.pct(*p) {
                continue;
            }
            let pi = self.pkg_index[short];
            let u = &self.units[pi];
            if u.mods.is_empty() {
                continue;
            }
            let deep_ok = matches!(*short, "ui" | "utils" | "auth" | "hooks");
            if deep_ok && r.pct(*deep) {
                let cands: Vec<usize> = if *short == "auth" {
                    let server = kind == Kind::Server || kind == Kind::Page;
                    (0..u.mods.len())
                        .filter(|&i| u.mods[i].path.starts_with("src/server/") == server)
                        .collect()
                } else {
                    (0..u.mods.len()).filter(|&i| u.mods[i].core == 0).collect()
                };
                if cands.is_empty() {
                    continue;
                }
                let t = cands[r.below(cands.len())];
                let syms = pick_syms(r, &u.mods[t].exports, 2);
                out.push(Dep { t: Target::PkgDeep(pi, t), syms, form: Form::Alias });
            } else {
                let exposed = root_exposed(u);
                let mut syms = Vec::new();
                for _ in 0..r.range(1, 3) {
                    let t = exposed[r.below(exposed.len())];
                    for s in pick_syms(r, &u.mods[t].exports, 2) {
                        if !syms.iter().any(|x: &Sym| x.name == s.name) {
                            syms.push(s);
                        }
                    }
                }
                out.push(Dep { t: Target::PkgRoot(pi), syms, form: Form::Alias });
            }
        }
        out
    }

    /// Plans the local dependencies of module `mi` among `mods`, on targets that `allowed` accepts.
    fn plan_local_deps(
        &self,
        mods: &mut [Mod],
        mi: usize,
        alias_pref: u32,
        r: &mut Rng,
        allowed: &dyn Fn(usize) -> bool,
    ) {
        let src = mods[mi].clone();
        let layer = src.kind.layer();
        let mut deps: Vec<Dep> = Vec::new();
        if src.kind == Kind::Api {
            if let Some(c) = mods.iter().position(|m| m.core == 2) {
                if c != mi {
                    deps.push(Dep {
                        t: Target::Local(c),
                        syms: vec![sym("apiClient", SK::Const)],
                        form: Form::Alias,
                    });
                }
            }
        }
        let cands: Vec<usize> = (0..mods.len())
            .filter(|&t| t != mi && allowed(t))
            .filter(|&t| {
                let tm = &mods[t];
                let ok_kind = match tm.kind {
                    Kind::Page | Kind::Layout => false,
                    Kind::Legacy => src.kind != Kind::Types,
                    Kind::Server => matches!(src.kind, Kind::Page | Kind::Service | Kind::Api | Kind::Server),
                    _ => src.kind != Kind::Legacy,
                };
                ok_kind && (tm.kind.layer() < layer || (tm.kind.layer() == layer && src.kind != Kind::Page))
            })
            .collect();
        if cands.is_empty() {
            mods[mi].deps = deps;
            return;
        }
        let same_ent: Vec<usize> = cands.iter().copied().filter(|&t| mods[t].ent == src.ent).collect();
        let want = local_dep_count(src.kind, r);
        let mut tries = 0;
        while deps.len() < want + usize::from(src.kind == Kind::Api) && tries < want * 4 + 4 {
            tries += 1;
            let t = if !same_ent.is_empty() && r.pct(40) {
                same_ent[r.below(same_ent.len())]
            } else {
                cands[r.below(cands.len())]
            };
            let tm = &mods[t];
            if tm.kind.layer() == layer
                && src.kind != Kind::Legacy
                && !r.pct(if src.kind == Kind::Component { 12 } else { 6 })
            {
                continue;
            }
            if deps.iter().any(|d| d.t == Target::Local(t)) {
                continue;
            }
            let syms = pick_syms(r, &tm.exports, 3);
            if syms.is_empty() {
                continue;
            }
            let same_dir = dir_of(&tm.path) == dir_of(&src.path);
            let top = |p: &str| p.split('/').take(2).collect::<Vec<_>>().join("/");
            let form = if src.kind == Kind::Legacy {
                Form::Require
            } else if r.pct(2)
                && matches!(src.kind, Kind::Page | Kind::Component | Kind::Hook | Kind::Service)
            {
                Form::Dynamic
            } else if r.pct(1) && matches!(src.kind, Kind::Service | Kind::Util | Kind::Server | Kind::Api) {
                Form::Require
            } else if r.pct(4) && src.kind == Kind::Server {
                Form::ImportEq
            } else if !same_dir && barrel_dir(&tm.path).is_some() && tm.kind != Kind::Legacy && r.pct(20) {
                Form::Barrel
            } else if same_dir || (top(&tm.path) == top(&src.path) && r.pct(60)) {
                Form::Rel
            } else if r.pct(alias_pref) {
                Form::Alias
            } else {
                Form::Rel
            };
            let (syms, form) = if form == Form::ImportEq || form == Form::Dynamic {
                match tm.exports.iter().find(|s| s.k != SK::Type) {
                    Some(s) => (vec![s.clone()], form),
                    None => (syms, Form::Alias),
                }
            } else if form == Form::Require {
                let vals: Vec<Sym> = syms.iter().filter(|s| s.k != SK::Type).cloned().collect();
                if vals.is_empty() {
                    (syms, Form::Alias)
                } else {
                    (vals, form)
                }
            } else {
                (syms, form)
            };
            deps.push(Dep { t: Target::Local(t), syms, form });
        }
        mods[mi].deps = deps;
    }

    fn pool(&mut self, budget: usize, napps: usize) {
        let mut r = Rng::new(mix(self.seed, 0x9001));
        let style =
            Style { indent: 2, tabs: false, semi: true, dq: false, pad: true, comments: 5, blanks: 18 };
        let mut reg = Registry::default();
        let mut ents: Vec<usize> = (0..DOMAIN).collect();
        for i in (1..ents.len()).rev() {
            let j = r.below(i + 1);
            ents.swap(i, j);
        }
        let ents = ents[..14].to_vec();
        let mut mods =
            vec![core_mod(1, &mut reg, style, r.next(), true), core_mod(2, &mut reg, style, r.next(), true)];
        mods.extend(self.plan_app_mods(&mut reg, &ents, budget, style, &mut r));
        for (i, m) in mods.iter_mut().enumerate() {
            m.pool = Some(i);
        }
        // a few modules that are identical files in 3 to 6 apps (nothing in the pool imports them)
        let mut info: Vec<PoolInfo> = mods
            .iter()
            .map(|m| PoolInfo {
                spread: if m.core > 0 { 100 } else { r.range(20, 70) as u32 },
                ident_apps: Vec::new(),
                copies: Vec::new(),
            })
            .collect();
        let n_ident = (4 + budget / 15_000).min(10);
        let mut picked = 0;
        let mut guard = 0;
        while picked < n_ident && guard < 500 {
            guard += 1;
            let i = r.below(mods.len());
            if mods[i].core > 0 || !info[i].ident_apps.is_empty() {
                continue;
            }
            if !matches!(mods[i].kind, Kind::Component | Kind::Hook | Kind::Util | Kind::Types) {
                continue;
            }
            let n = r.range(3, 6).min(napps);
            let mut apps: Vec<usize> = (0..napps).collect();
            for k in (1..apps.len()).rev() {
                let j = r.below(k + 1);
                apps.swap(k, j);
            }
            apps.truncate(n);
            apps.sort_unstable();
            info[i].ident_apps = apps;
            picked += 1;
        }
        let idents: BTreeSet<usize> = (0..mods.len()).filter(|&i| !info[i].ident_apps.is_empty()).collect();
        for mi in 0..mods.len() {
            if mods[mi].core > 0 {
                continue;
            }
            self.plan_local_deps(&mut mods, mi, 70, &mut r, &|t| !idents.contains(&t));
            let pk = self.pick_pkg_dep(&mut r, mods[mi].kind);
            mods[mi].deps.extend(pk);
        }
        self.pool = mods;
        self.pool_info = info;
    }

    fn apps(&mut self, napps: usize, budget: usize) {
        let mut r = Rng::new(mix(self.seed, 0xA995));
        let weights: Vec<f64> = (0..napps).map(|_| 0.6 + r.unit()).collect();
        let wsum: f64 = weights.iter().sum();
        for (ai, w) in weights.iter().enumerate() {
            let name = APP_NAMES[ai % APP_NAMES.len()];
            let mut ar = Rng::new(mix(self.seed, 0xA000 + ai as u64));
            let style = Style::random(&mut ar);
            let alias_pref = ar.range(30, 95) as u32;
            let app_budget = (budget as f64 * w / wsum) as usize;
            // template modules this app copied
            let mut include = vec![false; self.pool.len()];
            for pi in 0..self.pool.len() {
                let inf = &self.pool_info[pi];
                let yes = if !inf.ident_apps.is_empty() {
                    inf.ident_apps.contains(&ai)
                } else {
                    ar.pct(inf.spread)
                };
                if yes {
                    let mut stack = vec![pi];
                    while let Some(x) = stack.pop() {
                        if include[x] {
                            continue;
                        }
                        include[x] = true;
                        for d in &self.pool[x].deps {
                            if let Target::Local(t) = d.t {
                                stack.push(t);
                            }
                        }
                    }
                }
            }
            let mut map = vec![usize::MAX; self.pool.len()];
            let mut mods: Vec<Mod> = Vec::new();
            let mut pooled_lines = 0;
            for pi in 0..self.pool.len() {
                if !include[pi] {
                    continue;
                }
                map[pi] = mods.len();
                let mut m = self.pool[pi].clone();
                let first = self.pool_info[pi].copies.is_empty();
                m.variant = if first || m.core == 1 || !self.pool_info[pi].ident_apps.is_empty() {
                    Variant::Verbatim
                } else {
                    match ar.below(100) {
                        0..=29 => Variant::Verbatim,
                        30..=49 => Variant::Renamed,
                        50..=69 => Variant::Reformatted,
                        70..=84 => Variant::Inserted,
                        _ => Variant::RenamedInserted,
                    }
                };
                m.vseed = mix(m.seed, ai as u64 + 1);
                self.pool_info[pi].copies.push((ai, m.variant));
                pooled_lines += m.lines;
                mods.push(m);
            }
            for m in mods.iter_mut() {
                for d in m.deps.iter_mut() {
                    if let Target::Local(t) = d.t {
                        d.t = Target::Local(map[t]);
                    }
                }
            }
            let n_pool = mods.len();
            // the app's own modules
            let mut reg = Registry::default();
            for m in &self.pool {
                reg.take(&m.path, &m.exports);
            }
            let mut ents: Vec<usize> = (0..DOMAIN).collect();
            for i in (1..ents.len()).rev() {
                let j = ar.below(i + 1);
                ents.swap(i, j);
            }
            let ents = ents[..ar.range(8, 14)].to_vec();
            let own_budget = app_budget.saturating_sub(pooled_lines);
            let own = self.plan_app_mods(&mut reg, &ents, own_budget, style, &mut ar);
            mods.extend(own);
            let layout = Mod {
                path: "src/app/layout.tsx".into(),
                kind: Kind::Layout,
                ent: ents[0],
                name: "RootLayout".into(),
                exports: Vec::new(),
                lines: 40,
                seed: ar.next(),
                deps: Vec::new(),
                css: false,
                svg: false,
                core: 0,
                style,
                variant: Variant::Verbatim,
                vseed: 0,
                pool: None,
            };
            mods.push(layout);
            for mi in n_pool..mods.len() {
                self.plan_local_deps(&mut mods, mi, alias_pref, &mut ar, &|_| true);
                let pk = self.pick_pkg_dep(&mut ar, mods[mi].kind);
                mods[mi].deps.extend(pk);
            }
            // a deliberate two-module cycle between services (or hooks)
            for kind in [Kind::Service, Kind::Hook] {
                let cand: Vec<usize> = (n_pool..mods.len()).filter(|&i| mods[i].kind == kind).collect();
                if cand.len() >= 2 {
                    let (a, b) = (cand[0], cand[(cand.len() / 2).max(1)]);
                    for (x, y) in [(a, b), (b, a)] {
                        if !mods[x].deps.iter().any(|d| d.t == Target::Local(y)) {
                            let s = mods[y].exports[0].clone();
                            mods[x].deps.push(Dep { t: Target::Local(y), syms: vec![s], form: Form::Rel });
                        }
                    }
                }
            }
            self.units.push(Unit {
                name: format!("@synth/{name}"),
                dir: format!("apps/{name}"),
                short: name.to_string(),
                app: true,
                style,
                mods,
                alias_pref,
            });
        }
    }
}

fn core_mod(core: u8, reg: &mut Registry, style: Style, seed: u64, app: bool) -> Mod {
    let (path, exports, kind) = match (core, app) {
        (1, true) => (
            "src/lib/utils.ts",
            vec![sym("cn", SK::Func), sym("absoluteUrl", SK::Func), sym("sleepFor", SK::Async)],
            Kind::Util,
        ),
        (1, false) => ("src/lib/cn.ts", vec![sym("cn", SK::Func), sym("mergeRefs", SK::Func)], Kind::Util),
        (_, true) => (
            "src/lib/api/client.ts",
            vec![sym("apiClient", SK::Const), sym("ApiError", SK::Class), sym("withRetry", SK::Async)],
            Kind::Api,
        ),
        (_, false) => (
            "src/http.ts",
            vec![sym("http", SK::Const), sym("HttpError", SK::Class), sym("createRequest", SK::Async)],
            Kind::Api,
        ),
    };
    reg.take(path, &exports);
    Mod {
        path: path.to_string(),
        kind,
        ent: 0,
        name: exports[0].name.clone(),
        exports,
        lines: if core == 1 { 40 } else { 70 },
        seed,
        deps: Vec::new(),
        css: false,
        svg: false,
        core,
        style,
        variant: Variant::Verbatim,
        vseed: 0,
        pool: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Writing the tree.

struct Writer {
    root: PathBuf,
    /// Folders under `root` that get a copy of every file too (`--copies`).
    backups: Vec<String>,
    dirs: BTreeSet<PathBuf>,
    files: usize,
    src_lines: usize,
    bytes: usize,
}

impl Writer {
    fn put(&mut self, rel: &str, text: &str) {
        let copies = 1 + self.backups.len();
        for i in 0..copies {
            let p = if i == 0 { self.root.join(rel) } else { self.root.join(&self.backups[i - 1]).join(rel) };
            if let Some(d) = p.parent() {
                if !self.dirs.contains(d) {
                    fs::create_dir_all(d)
                        .unwrap_or_else(|e| die(&format!("cannot create {}: {e}", d.display())));
                    self.dirs.insert(d.to_path_buf());
                }
            }
            fs::write(&p, text).unwrap_or_else(|e| die(&format!("cannot write {}: {e}", p.display())));
        }
        self.files += copies;
        self.bytes += text.len() * copies;
        if [".ts", ".tsx", ".js", ".mjs", ".cjs", ".jsx"].iter().any(|x| rel.ends_with(x))
            && !rel.ends_with(".d.ts")
        {
            self.src_lines += text.lines().count() * copies;
        }
    }
}

fn die(msg: &str) -> ! {
    eprintln!("synth: {msg}");
    process::exit(2)
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn deps_json(map: &BTreeMap<String, String>, indent: &str) -> String {
    let items: Vec<String> =
        map.iter().map(|(k, v)| format!("{indent}  {}: {}", json_str(k), json_str(v))).collect();
    format!("{{\n{}\n{indent}}}", items.join(",\n"))
}

/// Package names a unit's modules import (workspace and external), for its package.json.
fn used_packages(
    w: &World,
    ui: usize,
    ext_seen: &BTreeSet<String>,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let mut ws = BTreeMap::new();
    for m in &w.units[ui].mods {
        for d in &m.deps {
            if let Target::PkgRoot(p) | Target::PkgDeep(p, _) = d.t {
                ws.insert(w.units[p].name.clone(), "*".to_string());
            }
        }
    }
    let mut ext = BTreeMap::new();
    for name in ext_seen {
        if let Some((_, v)) = EXT_VERSIONS.iter().find(|(n, _)| n == name) {
            ext.insert(name.clone(), v.to_string());
        }
    }
    (ws, ext)
}

fn npm_name(spec: &str) -> String {
    if spec.starts_with("node:") || ["fs", "path", "crypto"].contains(&spec) {
        return String::new();
    }
    let mut parts = spec.split('/');
    let first = parts.next().unwrap_or("");
    if first.starts_with('@') {
        format!("{first}/{}", parts.next().unwrap_or(""))
    } else {
        first.to_string()
    }
}

fn write_tree(w: &World, wr: &mut Writer, info: &[PoolInfo], pool: &[Mod], seed: u64, lines: usize) {
    let copies_arg =
        if wr.backups.is_empty() { String::new() } else { format!(" --copies {}", wr.backups.len() + 1) };
    let napps = w.units.iter().filter(|u| u.app).count();
    // root
    wr.put(
        "package.json",
        "{\n  \"name\": \"synth-monorepo\",\n  \"private\": true,\n  \"workspaces\": [\"apps/*\", \"packages/*\"],\n  \"scripts\": {\n    \"build\": \"turbo run build\",\n    \"dev\": \"turbo run dev\",\n    \"lint\": \"turbo run lint\"\n  },\n  \"devDependencies\": {\n    \"turbo\": \"^2.0.4\",\n    \"typescript\": \"5.4.5\"\n  },\n  \"packageManager\": \"npm@10.8.1\"\n}\n",
    );
    wr.put(
        "tsconfig.base.json",
        "{\n  \"compilerOptions\": {\n    \"target\": \"ES2022\",\n    \"lib\": [\"dom\", \"dom.iterable\", \"esnext\"],\n    \"module\": \"esnext\",\n    \"moduleResolution\": \"bundler\",\n    \"jsx\": \"preserve\",\n    \"strict\": true,\n    \"skipLibCheck\": true,\n    \"esModuleInterop\": true,\n    \"resolveJsonModule\": true,\n    \"isolatedModules\": true,\n    \"noEmit\": true\n  }\n}\n",
    );
    wr.put(".gitignore", "node_modules/\n.next/\ndist/\nbuild/\n.turbo/\n");
    wr.put(
        "turbo.json",
        "{\n  \"$schema\": \"https://turbo.build/schema.json\",\n  \"tasks\": {\n    \"build\": { \"dependsOn\": [\"^build\"], \"outputs\": [\".next/**\", \"dist/**\"] },\n    \"dev\": { \"cache\": false, \"persistent\": true },\n    \"lint\": {}\n  }\n}\n",
    );
    for (ui, unit) in w.units.iter().enumerate() {
        let mut ext_seen: BTreeSet<String> = BTreeSet::new();
        let mut barrels: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (mi, m) in unit.mods.iter().enumerate() {
            let text = render(w, ui, mi);
            for l in text.lines().take(80) {
                if let Some(spec) = import_spec(l) {
                    let n = npm_name(&spec);
                    if !n.is_empty()
                        && !n.starts_with("@synth/")
                        && !spec.starts_with('.')
                        && !spec.starts_with("@/")
                    {
                        ext_seen.insert(n);
                    }
                }
            }
            wr.put(&format!("{}/{}", unit.dir, m.path), &text);
            if m.css {
                let stem = stem_path(&m.path);
                let mut r = Rng::new(m.seed ^ 0xC55);
                let mut css = String::new();
                for cls in ["root", "header", "body", "compact", "active"].iter().take(r.range(2, 5)) {
                    let _ = writeln!(
                        css,
                        ".{cls} {{\n  display: flex;\n  gap: {}px;\n  padding: {}px;\n}}\n",
                        r.range(2, 16),
                        r.range(4, 24)
                    );
                }
                wr.put(&format!("{}/{stem}.module.css", unit.dir), &css);
            }
            if unit.app {
                if let Some(b) = barrel_dir(&m.path) {
                    barrels.entry(b.to_string()).or_default().push(mi);
                }
            }
        }
        // barrels
        let sc = if unit.style.semi { ";" } else { "" };
        for (dir, idx) in &barrels {
            let mut t = String::new();
            let mut r = Rng::new(mix(seed, hash_str(&format!("{}{dir}", unit.dir))));
            let explicit = r.pct(30);
            for &mi in idx {
                let m = &unit.mods[mi];
                let file = stem_path(&m.path).rsplit('/').next().unwrap_or("");
                let spec = quote(&format!("./{file}"), unit.style.dq);
                if explicit && !m.exports.is_empty() {
                    let vals: Vec<&str> =
                        m.exports.iter().filter(|s| s.k != SK::Type).map(|s| s.name.as_str()).collect();
                    let types: Vec<&str> =
                        m.exports.iter().filter(|s| s.k == SK::Type).map(|s| s.name.as_str()).collect();
                    if !vals.is_empty() {
                        let _ = writeln!(t, "export {{ {} }} from {spec}{sc}", vals.join(", "));
                    }
                    if !types.is_empty() {
                        let _ = writeln!(t, "export type {{ {} }} from {spec}{sc}", types.join(", "));
                    }
                } else {
                    let _ = writeln!(t, "export * from {spec}{sc}");
                }
            }
            wr.put(&format!("{}/{dir}/index.ts", unit.dir), &t);
        }
        if unit.app {
            write_app_files(w, wr, ui, &ext_seen);
        } else {
            write_pkg_files(w, wr, ui, &ext_seen);
        }
    }
    // ground truth for the clone detector
    let mut t = String::new();
    let _ = writeln!(
        t,
        "{{\n  \"seed\": {seed},\n  \"requested_lines\": {lines},\n  \"apps\": {napps},\n  \"copies\": ["
    );
    let mut first = true;
    for (pi, inf) in info.iter().enumerate() {
        if inf.copies.len() < 2 {
            continue;
        }
        if !first {
            t.push_str(",\n");
        }
        first = false;
        let copies: Vec<String> = inf
            .copies
            .iter()
            .map(|(a, v)| {
                let dir =
                    &w.units.iter().filter(|u| u.app).nth(*a).map(|u| u.dir.clone()).unwrap_or_default();
                format!(
                    "{{\"file\": {}, \"variant\": \"{}\"}}",
                    json_str(&format!("{dir}/{}", pool[pi].path)),
                    v.label()
                )
            })
            .collect();
        let _ = write!(
            t,
            "    {{\"path\": {}, \"kind\": \"{}\", \"lines\": {}, \"identical_files\": {}, \"copies\": [{}]}}",
            json_str(&pool[pi].path),
            pool[pi].kind.label(),
            pool[pi].lines,
            !inf.ident_apps.is_empty(),
            copies.join(", ")
        );
    }
    t.push_str("\n  ]\n}\n");
    wr.put(".synth/truth.json", &t);
    wr.put(
        "SYNTH.md",
        &format!(
            "# synth monorepo\n\nGenerated by `cargo run --release --example synth -- --lines {lines} --seed {seed}{copies_arg}`.\nDo not edit: rerun the generator instead. `.synth/truth.json` lists the copied modules.\n"
        ),
    );
}

fn import_spec(line: &str) -> Option<String> {
    let l = line.trim_start();
    if !(l.starts_with("import ") || l.starts_with("} from ") || l.starts_with("export ")) {
        return None;
    }
    let idx = l.rfind(" from ").map(|i| i + 6).or_else(|| l.strip_prefix("import ").map(|_| 7))?;
    let rest = &l[idx..];
    let q = rest.chars().next()?;
    if q != '\'' && q != '"' {
        return None;
    }
    let end = rest[1..].find(q)?;
    Some(rest[1..1 + end].to_string())
}

fn write_app_files(w: &World, wr: &mut Writer, ui: usize, ext_seen: &BTreeSet<String>) {
    let unit = &w.units[ui];
    let (ws, mut ext) = used_packages(w, ui, ext_seen);
    for n in ["next", "react", "react-dom"] {
        if let Some((_, v)) = EXT_VERSIONS.iter().find(|(x, _)| *x == n) {
            ext.insert(n.to_string(), v.to_string());
        }
    }
    let mut all = ws.clone();
    all.extend(ext);
    let dir = &unit.dir;
    wr.put(
        &format!("{dir}/package.json"),
        &format!(
            "{{\n  \"name\": {},\n  \"version\": \"0.1.0\",\n  \"private\": true,\n  \"scripts\": {{\n    \"dev\": \"next dev\",\n    \"build\": \"next build\",\n    \"start\": \"next start\",\n    \"lint\": \"next lint\"\n  }},\n  \"dependencies\": {},\n  \"devDependencies\": {{\n    \"@types/node\": \"^20.14.2\",\n    \"@types/react\": \"^18.3.3\",\n    \"typescript\": \"5.4.5\"\n  }}\n}}\n",
            json_str(&unit.name),
            deps_json(&all, "  ")
        ),
    );
    let transpile: Vec<String> = ws.keys().map(|k| format!("'{k}'")).collect();
    wr.put(
        &format!("{dir}/next.config.mjs"),
        &format!(
            "/** @type {{import('next').NextConfig}} */\nconst nextConfig = {{\n  reactStrictMode: true,\n  transpilePackages: [{}],\n  images: {{\n    remotePatterns: [{{ protocol: 'https', hostname: 'cdn.example.com' }}],\n  }},\n}};\n\nexport default nextConfig;\n",
            transpile.join(", ")
        ),
    );
    let comment = if ui.is_multiple_of(3) { "  // Next.js app: the @/ alias maps to src/\n" } else { "" };
    wr.put(
        &format!("{dir}/tsconfig.json"),
        &format!(
            "{{\n  \"extends\": \"../../tsconfig.base.json\",\n{comment}  \"compilerOptions\": {{\n    \"baseUrl\": \".\",\n    \"paths\": {{\n      \"@/*\": [\"./src/*\"]\n    }},\n    \"plugins\": [{{ \"name\": \"next\" }}]\n  }},\n  \"include\": [\"next-env.d.ts\", \"src/**/*.ts\", \"src/**/*.tsx\"],\n  \"exclude\": [\"node_modules\"]\n}}\n"
        ),
    );
    wr.put(
        &format!("{dir}/next-env.d.ts"),
        "/// <reference types=\"next\" />\n/// <reference types=\"next/image-types/global\" />\n",
    );
    wr.put(
        &format!("{dir}/tailwind.config.js"),
        "const base = require('@synth/config/tailwind');\n\n/** @type {import('tailwindcss').Config} */\nmodule.exports = {\n  ...base,\n  content: ['./src/**/*.{ts,tsx}', '../../packages/ui/src/**/*.{ts,tsx}'],\n};\n",
    );
    wr.put(
        &format!("{dir}/src/app/globals.css"),
        "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n",
    );
    wr.put(
        &format!("{dir}/src/assets/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><circle cx=\"12\" cy=\"12\" r=\"10\"/></svg>\n",
    );
}

fn write_pkg_files(w: &World, wr: &mut Writer, ui: usize, ext_seen: &BTreeSet<String>) {
    let unit = &w.units[ui];
    let dir = &unit.dir;
    let sc = if unit.style.semi { ";" } else { "" };
    let q = |s: &str| quote(s, unit.style.dq);
    let js = unit.js_ext();
    let spec_of = |m: &Mod, from_dir: &str| {
        let s = rel_spec(&format!("{from_dir}/index.ts"), stem_path(&m.path));
        if js {
            format!("{s}.js")
        } else {
            s
        }
    };
    // entry points
    let mut index = String::new();
    match unit.short.as_str() {
        "auth" => {
            let mut server = String::new();
            let mut client = String::new();
            for m in &unit.mods {
                let line = format!(
                    "export * from {}{sc}\n",
                    q(&spec_of(
                        m,
                        &format!(
                            "src/{}",
                            if m.path.starts_with("src/server/") { "server" } else { "client" }
                        )
                    ))
                );
                if m.path.starts_with("src/server/") {
                    server.push_str(&line);
                } else {
                    client.push_str(&line);
                }
            }
            wr.put(&format!("{dir}/src/server/index.ts"), &server);
            wr.put(&format!("{dir}/src/client/index.ts"), &format!("'use client'{sc}\n\n{client}"));
            let _ = writeln!(index, "export * from {}{sc}", q("./client"));
            let _ = writeln!(
                index,
                "export type AuthRole = {} | {} | {}{sc}",
                q("owner"),
                q("admin"),
                q("member")
            );
        }
        _ => {
            for m in &unit.mods {
                let _ = writeln!(index, "export * from {}{sc}", q(&spec_of(m, "src")));
            }
        }
    }
    wr.put(&format!("{dir}/src/index.ts"), &index);
    if unit.short == "ui" {
        wr.put(
            &format!("{dir}/src/styles.css"),
            ":root {\n  --radius: 0.5rem;\n  --brand: 221 83% 53%;\n}\n",
        );
    }
    if unit.short == "config" {
        wr.put(
            &format!("{dir}/tokens.js"),
            "'use strict';\n\nconst colors = {\n  brand: 'hsl(var(--brand))',\n  muted: '#f4f4f5',\n  danger: '#dc2626',\n};\n\nconst radius = {\n  sm: '0.25rem',\n  md: '0.5rem',\n  lg: '1rem',\n};\n\nmodule.exports = { colors, radius };\n",
        );
        wr.put(
            &format!("{dir}/tailwind.config.js"),
            "'use strict';\n\nconst path = require('node:path');\nconst { colors, radius } = require('./tokens');\n\n/** @type {import('tailwindcss').Config} */\nmodule.exports = {\n  darkMode: 'class',\n  content: [path.join(__dirname, '../ui/src/**/*.{ts,tsx}')],\n  theme: {\n    extend: { colors, borderRadius: radius },\n  },\n  plugins: [],\n};\n",
        );
    }
    let (ws, ext) = used_packages(w, ui, ext_seen);
    let manifest_entry = match unit.short.as_str() {
        "types" => "  \"main\": \"./src/index.ts\",\n  \"types\": \"./src/index.ts\",\n".to_string(),
        "utils" => "  \"main\": \"./dist/index.js\",\n  \"module\": \"./dist/index.mjs\",\n  \"types\": \"./dist/index.d.ts\",\n  \"exports\": {\n    \".\": {\n      \"types\": \"./dist/index.d.ts\",\n      \"import\": \"./dist/index.mjs\",\n      \"require\": \"./dist/index.js\"\n    },\n    \"./*\": {\n      \"types\": \"./dist/*.d.ts\",\n      \"import\": \"./dist/*.mjs\",\n      \"require\": \"./dist/*.js\"\n    }\n  },\n  \"scripts\": {\n    \"build\": \"tsup src/index.ts --format esm,cjs --dts\"\n  },\n".to_string(),
        "config" => "  \"main\": \"./src/index.ts\",\n  \"exports\": {\n    \".\": \"./src/index.ts\",\n    \"./tailwind\": \"./tailwind.config.js\",\n    \"./tokens\": \"./tokens.js\"\n  },\n".to_string(),
        "hooks" => "  \"main\": \"src/index.ts\",\n".to_string(),
        "api-client" => "  \"main\": \"./dist/index.js\",\n  \"module\": \"./dist/index.mjs\",\n  \"types\": \"./dist/index.d.ts\",\n  \"scripts\": {\n    \"build\": \"tsup\"\n  },\n".to_string(),
        "ui" => "  \"main\": \"./src/index.ts\",\n  \"exports\": {\n    \".\": \"./src/index.ts\",\n    \"./components/*\": \"./src/components/*.tsx\",\n    \"./styles.css\": \"./src/styles.css\",\n    \"./package.json\": \"./package.json\"\n  },\n".to_string(),
        "auth" => "  \"exports\": {\n    \".\": {\n      \"types\": \"./src/index.ts\",\n      \"default\": \"./src/index.ts\"\n    },\n    \"./server\": \"./src/server/index.ts\",\n    \"./client\": \"./src/client/index.ts\"\n  },\n".to_string(),
        _ => "  \"main\": \"./build/index.js\",\n  \"types\": \"./build/index.d.ts\",\n  \"scripts\": {\n    \"build\": \"tsc -p tsconfig.build.json\"\n  },\n".to_string(),
    };
    let mut deps = ws;
    deps.extend(ext);
    let deps = if deps.is_empty() {
        String::new()
    } else {
        format!(",\n  \"dependencies\": {}", deps_json(&deps, "  "))
    };
    wr.put(
        &format!("{dir}/package.json"),
        &format!(
            "{{\n  \"name\": {},\n  \"version\": \"0.0.0\",\n  \"private\": true,\n{manifest_entry}  \"sideEffects\": false{deps}\n}}\n",
            json_str(&unit.name)
        ),
    );
    wr.put(
        &format!("{dir}/tsconfig.json"),
        "{\n  \"extends\": \"../../tsconfig.base.json\",\n  \"compilerOptions\": {\n    \"rootDir\": \"src\",\n    \"outDir\": \"dist\"\n  },\n  \"include\": [\"src\"]\n}\n",
    );
}

// ---------------------------------------------------------------------------------------------

fn usage() -> ! {
    eprintln!("usage: synth [--lines N] [--seed N] [--apps N] [--copies K] OUT_DIR");
    process::exit(2)
}

fn main() {
    let mut lines: usize = 1_000_000;
    let mut seed: u64 = 0x5EED_2024;
    let mut apps: Option<usize> = None;
    let mut copies: usize = 1;
    let mut out: Option<PathBuf> = None;
    let mut args = env::args().skip(1);
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> u64 {
            let v = args.next().unwrap_or_else(|| usage());
            let v = v.replace('_', "");
            let parsed = if let Some(h) = v.strip_prefix("0x") {
                u64::from_str_radix(h, 16).ok()
            } else {
                v.parse().ok()
            };
            parsed.unwrap_or_else(|| die(&format!("{name} needs a number")))
        };
        match a.as_str() {
            "--lines" => lines = num("--lines") as usize,
            "--seed" => seed = num("--seed"),
            "--apps" => apps = Some(num("--apps") as usize),
            "--copies" => copies = num("--copies") as usize,
            "-h" | "--help" => usage(),
            s if s.starts_with('-') => die(&format!("unknown option {s}")),
            s => out = Some(PathBuf::from(s)),
        }
    }
    let out = out.unwrap_or_else(|| usage());
    if lines < 5_000 {
        die("--lines must be at least 5000");
    }
    if !(1..=64).contains(&copies) {
        die("--copies must be between 1 and 64");
    }
    prepare_dir(&out);
    let t0 = Instant::now();
    let napps = apps.unwrap_or((2 + lines / 110_000).clamp(3, 12)).clamp(2, APP_NAMES.len());
    // The generators overshoot small targets; a dry run measures by how much, and the real
    // plan is scaled so that the tree has about the requested number of lines.
    let (world, _, _) = build(seed, lines, napps);
    let measured: usize = (0..world.units.len())
        .map(|ui| {
            (0..world.units[ui].mods.len()).map(|mi| render(&world, ui, mi).lines().count()).sum::<usize>()
        })
        .sum();
    let scaled = (lines as f64 * lines as f64 / measured.max(1) as f64) as usize;
    let (world, info, pool) = build(seed, scaled, napps);
    let backups = (1..copies).map(|i| format!("backup-{i}")).collect();
    let mut wr =
        Writer { root: out.clone(), backups, dirs: BTreeSet::new(), files: 0, src_lines: 0, bytes: 0 };
    write_tree(&world, &mut wr, &info, &pool, seed, lines);
    let npkgs = world.units.iter().filter(|u| !u.app).count();
    let copied: usize = info.iter().map(|i| i.copies.len().saturating_sub(1)).sum();
    println!(
        "synth: {} files, {} lines of JS/TS, {} apps, {} packages, {} copied modules{}, {:.1} MB, seed {seed}, {:.2}s -> {}",
        wr.files,
        wr.src_lines,
        napps,
        npkgs,
        copied,
        if copies > 1 { format!(", {copies} copies of the tree") } else { String::new() },
        wr.bytes as f64 / 1e6,
        t0.elapsed().as_secs_f64(),
        out.display()
    );
}

fn build(seed: u64, lines: usize, napps: usize) -> (World, Vec<PoolInfo>, Vec<Mod>) {
    let mut p = Planner::new(seed);
    let pkg_budget = lines * 12 / 100;
    let app_budget = lines - pkg_budget - 3 * napps * 60;
    p.packages(pkg_budget);
    let pool_budget = app_budget / napps * 45 / 100;
    p.pool(pool_budget, napps);
    p.apps(napps, app_budget);
    (World { units: p.units }, p.pool_info, p.pool)
}

/// OUT_DIR must be absent, empty, or an earlier synth tree (which is then replaced).
fn prepare_dir(out: &Path) {
    if out.exists() {
        let empty = fs::read_dir(out).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty {
            let marker = fs::read_to_string(out.join("SYNTH.md")).unwrap_or_default();
            if !marker.starts_with("# synth monorepo") {
                die(&format!(
                    "{} exists and is not an earlier synth tree; refusing to overwrite",
                    out.display()
                ));
            }
            fs::remove_dir_all(out).unwrap_or_else(|e| die(&format!("cannot clear {}: {e}", out.display())));
        }
    }
    fs::create_dir_all(out).unwrap_or_else(|e| die(&format!("cannot create {}: {e}", out.display())));
}
