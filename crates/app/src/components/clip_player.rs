//! The planned cut played from the merchant's own recording: a real `<video>` element fed a
//! local file (an object URL — nothing is uploaded) that seeks to each segment's source in
//! point, plays to its out point and jumps to the next, with the segment's caption over the
//! picture. The check runs every few milliseconds, so a cut lands within a frame or two.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use livetrust_core::clip::ClipPlan;
use yew::prelude::*;

use crate::i18n::ClipTexts;
use crate::local_media::LocalMedia;

#[derive(Debug, Properties, PartialEq)]
pub struct ClipPlayerProps {
    pub plan: Rc<ClipPlan>,
    pub texts: &'static ClipTexts,
    /// The picked recording's file name (for the exports), when one is picked.
    pub on_media: Callback<String>,
}

#[function_component(ClipPlayer)]
pub fn clip_player(props: &ClipPlayerProps) -> Html {
    let t = props.texts;
    let video = use_node_ref();
    let media = use_state(|| None::<Rc<LocalMedia>>);
    let playing = use_state(|| None::<usize>);
    // Bumped to stop a running playback loop.
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u32)));

    let on_file = {
        let (media, on_media, playing) = (media.clone(), props.on_media.clone(), playing.clone());
        Callback::from(move |e: Event| {
            if let Some(m) = LocalMedia::picked(&e) {
                on_media.emit(m.name.clone());
                playing.set(None);
                media.set(Some(Rc::new(m)));
            }
        })
    };

    let stop = {
        let (playing, generation, video) = (playing.clone(), generation.clone(), video.clone());
        Callback::from(move |_: MouseEvent| {
            let g = generation.borrow().clone();
            g.set(g.get().wrapping_add(1));
            if let Some(v) = video.cast::<web_sys::HtmlMediaElement>() {
                let _ = v.pause();
            }
            playing.set(None);
        })
    };

    let play = {
        let (playing, generation, video, plan) = (
            playing.clone(),
            generation.clone(),
            video.clone(),
            props.plan.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(v) = video.cast::<web_sys::HtmlMediaElement>() else {
                return;
            };
            let fps = f64::from(plan.fps.max(1));
            let cuts: Vec<(f64, f64)> = plan
                .segments
                .iter()
                .map(|s| (f64::from(s.source_in) / fps, f64::from(s.source_out) / fps))
                .collect();
            let Some(&(first, _)) = cuts.first() else {
                return;
            };
            let g = generation.borrow().clone();
            let mine = g.get().wrapping_add(1);
            g.set(mine);
            v.set_current_time(first);
            let _ = v.play();
            playing.set(Some(0));
            let playing = playing.clone();
            yew::platform::spawn_local(async move {
                let mut index = 0usize;
                // Half a frame early, so the next segment starts before a frame past the cut.
                let early = 0.5 / fps;
                loop {
                    yew::platform::time::sleep(Duration::from_millis(8)).await;
                    if g.get() != mine {
                        return;
                    }
                    let Some(&(_, out)) = cuts.get(index) else {
                        return;
                    };
                    if v.current_time() + early < out && !v.ended() {
                        continue;
                    }
                    index += 1;
                    match cuts.get(index) {
                        Some(&(next, _)) => {
                            v.set_current_time(next);
                            playing.set(Some(index));
                        }
                        None => {
                            let _ = v.pause();
                            playing.set(None);
                            return;
                        }
                    }
                }
            });
        })
    };

    let caption = (*playing)
        .and_then(|i| props.plan.segments.get(i))
        .map(|s| s.caption.clone());
    html! {
        <section class="clip-player" aria-labelledby="clip-player-title">
            <h2 id="clip-player-title">{ t.player_heading }</h2>
            <label class="file-pick">
                <span>{ t.pick_recording }</span>
                <input type="file" accept="video/*" onchange={on_file} />
            </label>
            <p class="hint">{ t.privacy }</p>
            <div class="stage">
                <video ref={video} src={(*media).as_ref().map(|m| m.url.clone())} controls=true
                    playsinline=true muted=true preload="auto"
                    data-segment={(*playing).map(|i| i.to_string()).unwrap_or_default()}
                    aria-describedby="clip-player-status"></video>
                if let Some(text) = caption { <p class="overlay" aria-hidden="true">{ text }</p> }
            </div>
            <div class="player-actions">
                <button type="button" class="button-primary" onclick={play} disabled={media.is_none()}>{ t.play }</button>
                <button type="button" onclick={stop} disabled={playing.is_none()}>{ t.stop }</button>
            </div>
            <p id="clip-player-status" role="status">
                { match (*playing, media.is_some()) {
                    (Some(i), _) => t.playing(i + 1, props.plan.segments.len()),
                    (None, false) => t.no_recording.to_owned(),
                    (None, true) => String::new(),
                } }
            </p>
        </section>
    }
}
