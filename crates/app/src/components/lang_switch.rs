//! The language picker: a labelled native `<select>` (keyboard and screen-reader friendly for free).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Lang, LangTexts};

#[derive(Debug, Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let on_change = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
            cb.emit(if value.as_deref() == Some("en") {
                Lang::En
            } else {
                Lang::Zh
            });
        })
    };
    html! {
        <label class="lang-switch">
            <span>{ props.lang.texts().language_label }</span>
            <select id="lang-select" onchange={on_change}>
                <option value="zh-CN" lang="zh-CN" selected={props.lang == Lang::Zh}>{ "中文" }</option>
                <option value="en" lang="en" selected={props.lang == Lang::En}>{ "English" }</option>
            </select>
        </label>
    }
}
