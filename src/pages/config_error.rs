use crate::api::config::{ConfigError, EXAMPLE_DEMO, EXAMPLE_HTTP};
use crate::components::PlainHeader;
use crate::i18n::{I18n, Key, Tr};
use leptos::prelude::*;

/// Shown instead of the portal when `config.json` is missing or wrong:
/// says what is wrong and how an operator fixes it.
#[component]
pub fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let problem = move || match &error {
        ConfigError::Unreachable { status: 0 } => i18n.t(Key::ConfigUnreachable).to_owned(),
        ConfigError::Unreachable { status } => i18n.fill(Key::ConfigMissing, &[("status", &status.to_string())]),
        ConfigError::Invalid { detail } => i18n.fill(Key::ConfigInvalid, &[("detail", detail)]),
    };
    view! {
        <div class="sign-in-layout">
            <PlainHeader/>
            <main class="page narrow" id="main" data-testid="config-error">
                <h1><Tr key=Key::ConfigTitle/></h1>
                <p role="alert">{problem}</p>
                <h2><Tr key=Key::ConfigFixTitle/></h2>
                <p><Tr key=Key::ConfigFixBody/></p>
                <p class="code-label"><Tr key=Key::ConfigExampleDemo/></p>
                <pre class="code"><code>{EXAMPLE_DEMO}</code></pre>
                <p class="code-label"><Tr key=Key::ConfigExampleHttp/></p>
                <pre class="code"><code>{EXAMPLE_HTTP}</code></pre>
                <a class="button" href=""><Tr key=Key::ActionReload/></a>
            </main>
        </div>
    }
}
