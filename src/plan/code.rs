//! What counts as code to share: route files stay in each app; static assets, framework
//! configuration, tests, stories, mocks and fixtures are never moved as code (docs/plan.md).

/// Route files, which the framework needs in each app: Next.js `app/**/page.tsx`, `layout`,
/// `loading`, `error`, `not-found`, `template`, `route`, `default`, `pages/**` and middleware;
/// React Router, Remix and TanStack Router `routes/**` and their `root`/`__root` module.
pub fn is_route_file(path: &str) -> bool {
    let name = file_name(path);
    let stem = name.split('.').next().unwrap_or(name);
    let under = |dir: &str| path.contains(&format!("/{dir}/")) || path.starts_with(&format!("{dir}/"));
    (under("app")
        && ["page", "layout", "loading", "error", "not-found", "template", "route", "default", "root"]
            .contains(&stem))
        || under("pages")
        || under("routes")
        || stem == "middleware"
        || stem == "__root"
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Tools' configuration files (`next.config.mjs`, `tailwind.config.ts`, `.eslintrc.js`, …).
pub fn is_framework_config(path: &str) -> bool {
    const TOOLS: &[&str] = &[
        "next",
        "tailwind",
        "postcss",
        "vite",
        "vitest",
        "jest",
        "playwright",
        "cypress",
        "eslint",
        "prettier",
        "babel",
        "webpack",
        "rollup",
        "tsup",
        "svelte",
        "astro",
        "nuxt",
        "remix",
        "drizzle",
        "commitlint",
        "lint-staged",
        "stylelint",
        "storybook",
        "turbo",
        "esbuild",
        "metro",
        "sentry",
        "knip",
        "i18next",
        "react-router",
        "electron",
        "electron-builder",
        "expo",
        "app",
        "tsconfig",
    ];
    let name = file_name(path).to_ascii_lowercase();
    if name.starts_with(".eslintrc") || name.starts_with(".prettierrc") || name.starts_with(".babelrc") {
        return true;
    }
    // `<tool>.config.<ext>` and `<tool>.<anything>.config.<ext>` (sentry.client.config.ts).
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3 && parts[parts.len() - 2] == "config" && TOOLS.contains(&parts[0])
}

/// Folder names whose files are served or built as they are, or run once (database
/// migrations), not imported as code.
const STATIC_DIRS: &[&str] = &["public", "static", "migration", "migrations"];
/// Folder names of tests, stories, mocks and fixtures.
const TEST_DIRS: &[&str] = &[
    "__tests__",
    "__test__",
    "test",
    "tests",
    "e2e",
    "cypress",
    "playwright",
    "__mocks__",
    "mocks",
    "mock",
    "__fixtures__",
    "fixtures",
    "stories",
    "__stories__",
    ".storybook",
    "storybook",
];
/// Words in a file name that make it a test, story, mock or fixture (`x.test.ts`,
/// `comprehensive-api-test.js`, `user.mock.ts`, `card.stories.tsx`).
const TEST_WORDS: &[&str] =
    &["test", "tests", "spec", "specs", "mock", "mocks", "fixture", "fixtures", "stories", "story", "e2e"];

/// Why a file is never moved as shared code, if it is not.
pub fn not_code(path: &str) -> Option<&'static str> {
    let dirs: Vec<&str> = path.split('/').collect();
    let dirs = &dirs[..dirs.len().saturating_sub(1)];
    if dirs.iter().any(|d| STATIC_DIRS.contains(d)) {
        return Some("static asset");
    }
    if is_framework_config(path) {
        return Some("framework configuration");
    }
    // Generated code (`routeTree.gen.ts`, `schema.generated.ts`) is rebuilt, not shared.
    let lower = file_name(path).to_ascii_lowercase();
    if lower.contains(".gen.") || lower.contains(".generated.") {
        return Some("generated");
    }
    if dirs.iter().any(|d| TEST_DIRS.contains(d)) {
        return Some("test, story, mock or fixture");
    }
    let name = file_name(path).to_ascii_lowercase();
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    if stem.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| TEST_WORDS.contains(&w)) {
        return Some("test, story, mock or fixture");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_config_tests_and_mocks_are_not_code() {
        for p in [
            "apps/a/public/sw.js",
            "packages/db/migration/2025_x/utils.ts",
            "apps/a/next.config.js",
            "apps/a/tailwind.config.ts",
            "apps/a/sentry.client.config.ts",
            "apps/a/.eslintrc.js",
            "apps/a/lib/__tests__/x.ts",
            "apps/a/lib/x.test.ts",
            "apps/a/scripts/comprehensive-api-test.js",
            "apps/a/mocks/data.ts",
            "apps/a/lib/user.mock.ts",
            "apps/a/components/card.stories.tsx",
            "apps/a/src/routeTree.gen.ts",
        ] {
            assert!(not_code(p).is_some(), "{p}");
        }
        for p in ["apps/a/components/button.tsx", "apps/a/lib/testimonials.ts", "apps/a/lib/config.ts"] {
            assert_eq!(not_code(p), None, "{p}");
        }
    }

    #[test]
    fn route_files() {
        assert!(is_route_file("apps/a/app/dashboard/page.tsx"));
        assert!(is_route_file("apps/a/src/pages/index.tsx"));
        assert!(is_route_file("apps/a/middleware.ts"));
        assert!(is_route_file("apps/a/app/root.tsx"));
        assert!(is_route_file("apps/a/app/routes/_index.tsx"));
        assert!(is_route_file("apps/a/src/routes/__root.tsx"));
        assert!(!is_route_file("apps/a/components/page-header.tsx"));
    }
}
