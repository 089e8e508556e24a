//! What a piece of copied code is about, from its paths, names and imports. The rules, first
//! match wins, are documented in docs/plan.md.

use crate::units::{Unit, UnitKind};

pub use crate::model::Concern;

fn has_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| words.contains(&w))
}

/// The concern of copied units, given their files' paths and the npm packages those files import.
pub fn infer(paths: &[&str], units: &[&Unit], externals: &[&str]) -> Concern {
    let paths: Vec<String> = paths.iter().map(|p| p.to_ascii_lowercase()).collect();
    let names: Vec<String> = units.iter().map(|u| u.name.to_ascii_lowercase()).collect();
    let imports = |pred: &dyn Fn(&str) -> bool| externals.iter().any(|e| pred(e));
    let in_paths = |words: &[&str]| paths.iter().any(|p| has_word(p, words));
    let in_names = |subs: &[&str]| names.iter().any(|n| subs.iter().any(|s| n.contains(s)));
    let any_kind = |k: UnitKind| units.iter().any(|u| u.kind == k);
    let all_kinds = |ks: &[UnitKind]| !units.is_empty() && units.iter().all(|u| ks.contains(&u.kind));
    // zod schemas (`ZUser`), with or without their inferred types: declarations, whatever
    // their files import.
    let zod = |u: &&Unit| {
        u.kind == UnitKind::Const
            && u.name.starts_with('Z')
            && u.name[1..].starts_with(|c: char| c.is_ascii_uppercase())
    };
    if units.iter().any(zod) && units.iter().all(|u| zod(u) || u.kind == UnitKind::Type) {
        return Concern::Types;
    }
    let components = any_kind(UnitKind::Component);
    if (components && imports(&|e| e == "framer-motion" || e == "motion" || e.starts_with("@react-spring")))
        || in_paths(&["animated", "motion"])
    {
        return Concern::AnimatedComponents;
    }
    if paths.iter().any(|p| p.contains("components/ui/"))
        || (components && imports(&|e| e.starts_with("@radix-ui/") || e == "class-variance-authority"))
    {
        return Concern::UiComponents;
    }
    // Auth from what the code is: its folders and names, or the auth libraries it imports; a
    // chat or editor "session" is not auth.
    if in_paths(&["auth", "login", "signin", "signup", "oauth", "sso", "authentication"])
        || in_names(&["auth", "login", "signin", "signout", "logout", "signup"])
        || imports(&|e| {
            [
                "next-auth",
                "jose",
                "jsonwebtoken",
                "firebase/auth",
                "@supabase/auth-helpers-nextjs",
                "better-auth",
            ]
            .contains(&e)
                || e.starts_with("@clerk/")
                || e.starts_with("@auth0/")
                || e.starts_with("@auth/")
                || e.starts_with("@supabase/auth")
        })
    {
        return Concern::Auth;
    }
    if all_kinds(&[UnitKind::Hook]) || in_paths(&["hooks"]) {
        return Concern::Hooks;
    }
    if components && in_paths(&["components", "ui"]) {
        return Concern::UiComponents;
    }
    let code = all_kinds(&[UnitKind::Function, UnitKind::Const, UnitKind::Class, UnitKind::Type]);
    if code
        && (in_paths(&["api", "fetcher", "http"])
            || paths.iter().any(|p| p.contains("api-client"))
            || imports(&|e| ["axios", "ky", "ofetch", "graphql-request"].contains(&e)))
    {
        return Concern::ApiClient;
    }
    if all_kinds(&[UnitKind::Type]) {
        return Concern::Types;
    }
    if all_kinds(&[UnitKind::Component, UnitKind::Type]) {
        return Concern::UiComponents;
    }
    if in_paths(&["config", "env"]) {
        return Concern::Config;
    }
    if all_kinds(&[UnitKind::Const, UnitKind::Enum]) || in_paths(&["constants", "consts", "data"]) {
        return Concern::Constants;
    }
    Concern::Utils
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, kind: UnitKind) -> Unit {
        Unit { name: name.into(), kind, exported: true, start_line: 1, end_line: 2 }
    }

    #[test]
    fn rules_in_order() {
        let hook = unit("useDebounce", UnitKind::Hook);
        let f = unit("cn", UnitKind::Function);
        assert_eq!(infer(&["apps/a/src/components/ui/button.tsx"], &[&f], &["clsx"]), Concern::UiComponents);
        let fade = unit("FadeIn", UnitKind::Component);
        assert_eq!(
            infer(&["apps/a/src/components/fade-in.tsx"], &[&fade], &["framer-motion"]),
            Concern::AnimatedComponents
        );
        // A zod schema in a file that animates is a declaration, not an animation.
        let schema = unit("ZUserSchema", UnitKind::Const);
        assert_eq!(
            infer(&["apps/a/src/components/form.tsx"], &[&schema], &["framer-motion"]),
            Concern::Types
        );
        assert_eq!(infer(&["apps/a/src/contexts/auth-context.tsx"], &[&hook], &[]), Concern::Auth);
        // A chat session is not auth; a session read with jose is.
        let store = unit("createChatStore", UnitKind::Function);
        assert_eq!(infer(&["apps/a/src/lib/chat/session.ts"], &[&store], &[]), Concern::Utils);
        assert_eq!(infer(&["apps/a/src/lib/session.ts"], &[&store], &["jose"]), Concern::Auth);
        let opts = unit("COUNTRY_OPTIONS", UnitKind::Const);
        assert_eq!(infer(&["apps/a/src/lib/options.ts"], &[&opts], &[]), Concern::Constants);
        assert_eq!(infer(&["apps/a/src/hooks/use-debounce.ts"], &[&hook], &[]), Concern::Hooks);
        assert_eq!(infer(&["apps/a/src/lib/api-client.ts"], &[&f], &["axios"]), Concern::ApiClient);
        assert_eq!(infer(&["apps/a/src/lib/utils.ts"], &[&f], &["clsx"]), Concern::Utils);
        assert_eq!(
            infer(&["apps/a/src/types/user.ts"], &[&unit("User", UnitKind::Type)], &[]),
            Concern::Types
        );
    }
}
