// Browser entry point: SDL2 + WebGL2 + Dear ImGui, the main loop, the JavaScript hooks
// (window.joinedup in web/index.html calls the jup_* exports) and browser storage.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/json_in.hpp"
#include "core/qr.hpp"
#include "core/saved_session.hpp"
#include "core/share.hpp"
#include "core/state.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ErrorCheckEndFrameRecover: closing a frame that threw
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "platform/text_agent.hpp"
#include "platform/touch.hpp"
#include "platform/widget_probe.hpp"
#include "ui/ui.hpp"

extern const unsigned char joinedup_font[];
extern const std::size_t joinedup_font_size;

namespace {

using json = nlohmann::json;

constexpr float kBaseFontPx = 18.0f;       // at text scale 1, CSS pixels
constexpr double kIdleAfterMs = 1000.0;    // stop rendering this long after the last input
constexpr double kSleepAfterMs = 1500.0;   // then pause the main loop entirely
using jup::kSessionKey;
using jup::kTallyKey;

struct App {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    jup::LoadResult loaded;
    jup::State state;
    std::string notice;
    ui::Fonts fonts;
    ui::UiState ui;  // the views' drafts
    jup::SearchIndex search;  // of loaded.content, built once it loads
    float built_scale = 0, built_dpr = 0;
    bool built_light = false, style_built = false, built_touch = false;
    bool touch = false;  // a finger is the pointer (coarse pointer, or a touch was seen)

    // Render-on-demand bookkeeping and the figures stats() reports.
    double last_activity = 0;
    bool paused = false, first_frame_done = false;
    long frames = 0, idle_skips = 0;
    double last_frame_ms = 0;
    std::vector<float> frame_ms;  // ring of recent frame build times
    size_t frame_ms_next = 0;
    std::string saved_json;       // what is in localStorage now
    bool storage_ok = true;       // false once the browser refused to keep anything
    bool told_other_tab = false;  // "changed in another tab" is said once
    std::string tally_saved_sig;  // names and sizes of the tally files last kept
    std::string fault_at;         // test_fault: the entry point that throws next
    std::string last_error;       // the last exception caught at the JavaScript boundary

    jup::geo::Geo geo;            // London's boundaries
    std::string geo_error;
    jup::Tally tally;             // of state.tally_files, recomputed when they change
    size_t tally_for = (size_t)-1;
    jup::TallyInput pending_import;  // an answers file waiting for "replace your answers?"
    ui::ShareView share;
    std::string pending_share;       // a share link's fragment waiting for "replace your answers?"
} app;

double now_ms() { return emscripten_get_now(); }

// ---- calls into the browser -------------------------------------------------------------
// One small EM_JS function per browser call, as sokol_app.h does. Those that return text give
// a malloc'd UTF-8 copy made by js_utf8_copy (JavaScript only: C++ never calls it), which
// take_js_string turns into a std::string and frees.

EM_JS(char*, js_utf8_copy, (const char* js_string), {
    if (js_string === null || js_string === undefined) return 0;
    var s = String(js_string), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

std::string take_js_string(char* p) {
    std::string out = p ? p : "";
    free(p);
    return out;
}

// localStorage can throw on any call (private browsing, storage turned off, a full quota):
// each helper catches, and says so, so that the app can tell people their answers are not kept.
EM_JS(char*, js_storage_get, (const char* key, int* failed), {
    try { return js_utf8_copy(localStorage.getItem(UTF8ToString(key))); } catch (e) { HEAP32[failed >> 2] = 1; return 0; }
});
EM_JS(int, js_storage_set, (const char* key, const char* value), {
    try { localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; } catch (e) { return 0; }
});
EM_JS(int, js_storage_remove, (const char* key), {
    try { localStorage.removeItem(UTF8ToString(key)); return 1; } catch (e) { return 0; }
});
EM_JS(double, js_date_now, (), { return Date.now(); });
EM_JS(char*, js_iso_now, (), { return js_utf8_copy(new Date().toISOString()); });
EM_JS(char*, js_page_url_without_hash, (), { return js_utf8_copy(location.href.split("#")[0]); });
EM_JS(char*, js_location_hash, (), { return js_utf8_copy(location.hash); });
EM_JS(void, js_replace_hash, (const char* fragment), { history.replaceState(null, "", "#" + UTF8ToString(fragment)); });
EM_JS(void, js_console_warn, (const char* text), { console.warn("Joined-Up caught: " + UTF8ToString(text)); });
// Offers `text` to the user as a downloaded file (nothing leaves the device).
EM_JS(void, js_download, (const char* name, const char* mime, const char* text), {
    window.joinedupDownload(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text));
});
EM_JS(void, js_pick_files, (const char* purpose, int multiple), { window.joinedupPickFiles(UTF8ToString(purpose), multiple != 0); });
EM_JS(void, js_request_fullscreen, (), {
    try { document.documentElement.requestFullscreen().catch(function () {}); } catch (e) {}
});
EM_JS(void, js_copy_to_clipboard, (const char* text), {
    try { navigator.clipboard.writeText(UTF8ToString(text)); } catch (e) {}
});
EM_JS(void, js_open_text_version, (), { window.open("text/index.html", "_blank"); });
EM_JS(int, js_prefers_reduced_motion, (), {
    return window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches ? 1 : 0;
});
EM_JS(int, js_coarse_pointer, (), {
    return window.matchMedia && matchMedia("(pointer: coarse)").matches ? 1 : 0;
});
EM_JS(void, js_first_frame, (), { if (Module.onFirstFrame) Module.onFirstFrame(); });
EM_JS(void, js_fail, (const char* message), { Module.fail(UTF8ToString(message)); });

std::string iso_now() { return take_js_string(js_iso_now()); }
std::string page_url_without_hash() { return take_js_string(js_page_url_without_hash()); }

// ---- browser storage --------------------------------------------------------------------

std::string storage_get(const char* key) {
    int failed = 0;
    std::string v = take_js_string(js_storage_get(key, &failed));
    if (failed) app.storage_ok = false;
    return v;
}

bool storage_set(const char* key, const std::string& value) {
    bool ok = js_storage_set(key, value.c_str()) != 0;
    if (!ok) app.storage_ok = false;
    return ok;
}

void save_state() {
    std::string s = jup::json_text(jup::state_to_json(app.state));
    if (s == app.saved_json) return;
    if (storage_set(kSessionKey, s)) app.saved_json = s, app.storage_ok = true;
}

// The room tally's files, kept until the facilitator starts again, so that a reload or a
// crash does not lose the files gathered so far.
std::string tally_signature() {
    std::string sig;
    for (auto& f : app.state.tally_files) sig += f.name + "\n" + std::to_string(f.text.size()) + "\n";
    return sig;
}

void save_tally() {
    std::string sig = tally_signature();
    if (sig == app.tally_saved_sig) return;
    bool ok = app.state.tally_files.empty() ? js_storage_remove(kTallyKey) != 0
                                            : storage_set(kTallyKey, jup::json_text(jup::tally_files_to_json(app.state.tally_files)));
    if (ok) app.tally_saved_sig = sig;
    else app.notice = "The room tally could not be kept in this browser (storage is full or blocked). "
                      "Export it as CSV or JSON before you close this page.";
}

void restore_tally() {
    std::string raw = storage_get(kTallyKey);
    if (raw.empty() && !app.state.tally_files.empty()) {
        jup::Action clear{"tally_clear", {{"type", "tally_clear"}}};
        jup::apply(app.state, clear, app.loaded.content);
    } else if (!raw.empty()) {
        jup::Action a{"tally_restore", {{"type", "tally_restore"}, {"text", raw}}};
        jup::ApplyResult r = jup::apply(app.state, a, app.loaded.content);
        if (!r.ok) app.notice = r.error;
        else if (!r.warnings.empty()) app.notice = "Some kept tally files could not be read and were skipped: " + r.warnings.front();
    }
    app.tally_saved_sig = tally_signature();
    app.tally_for = (size_t)-1;
}

// The session kept in this browser (core/saved_session.*, shared with the text edition).
void load_saved_state() {
    std::string raw = storage_get(kSessionKey);
    jup::OpenedSession o = jup::open_saved_session(raw, (long long)js_date_now());
    if (!o.backup_key.empty()) storage_set(o.backup_key.c_str(), raw);
    if (!o.notice.empty()) app.notice = o.notice;
    app.state = std::move(o.state);
    app.saved_json = o.saved;
}

// Another tab of this site changed the saved session: take its answers (keeping this tab's
// own view), so that neither tab overwrites the other's answers with an older copy.
void adopt_saved_state() {
    jup::OtherTab t = jup::take_other_tab(app.state, storage_get(kSessionKey), app.saved_json);
    if (t == jup::OtherTab::Cleared) save_state();
    if (t == jup::OtherTab::Changed && !app.told_other_tab) {
        app.notice = jup::kOtherTabNotice;
        app.told_other_tab = true;
    }
}

// ---- fonts and style --------------------------------------------------------------------

// The embedded font is subset to these same ranges at build time (CMakeLists.txt, pyftsubset).
const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x024F,  // Latin, Latin-1 (£), Latin Extended
        0x0370, 0x03FF,  // Greek
        0x0400, 0x04FF,  // Cyrillic (one case-study reference is printed in Cyrillic)
        0x2000, 0x206F,  // punctuation: dashes, curly quotes, ellipsis, bullets
        0x20A0, 0x20CF,  // currency
        0x2190, 0x21FF,  // arrows
        0x2212, 0x2212,  // minus
        0x25A0, 0x25FF,  // geometric shapes
        0,
    };
    return ranges;
}

float device_pixel_ratio() { return (float)emscripten_get_device_pixel_ratio(); }

void rebuild_fonts_and_style() {
    float dpr = std::max(1.0f, device_pixel_ratio());
    // Presenter mode: projector-sized type and the light high-contrast theme.
    float scale = app.state.text_scale * (app.state.presenter ? 1.6f : 1.0f);
    bool light = app.state.light_theme || app.state.presenter;
    bool touch = app.touch;
    if (scale == app.built_scale && dpr == app.built_dpr && app.built_light == light && app.built_touch == touch && app.style_built) return;
    ImGuiIO& io = ImGui::GetIO();
    if (scale != app.built_scale || dpr != app.built_dpr) {
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        cfg.OversampleH = 2;
        // Rasterise at device pixels, draw at CSS pixels: sharp on high-DPI screens.
        auto add = [&](float px) {
            return io.Fonts->AddFontFromMemoryTTF((void*)joinedup_font, (int)joinedup_font_size, px * scale * dpr, &cfg, glyph_ranges());
        };
        app.fonts.body = add(kBaseFontPx);
        app.fonts.heading = add(kBaseFontPx * 1.4f);
        app.fonts.small = add(kBaseFontPx * 0.9f);  // 16.2 px: nothing smaller than 16 px
        io.FontGlobalScale = 1.0f / dpr;
        io.Fonts->Build();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ui::apply_style(light, scale, touch);
    app.built_touch = touch;
    app.built_scale = scale;
    app.built_dpr = dpr;
    app.built_light = light;
    app.style_built = true;
}

// ---- actions ----------------------------------------------------------------------------

std::string dispatch(const jup::Action& a) {
    jup::ApplyResult r = jup::apply(app.state, a, app.loaded.content);
    if (!r.ok) return r.error;
    save_state();
    save_tally();
    return {};
}

// Tests force an exception at one entry point ({"type": "test_fault", "at": "frame"}) to show
// that the app survives it; nothing in the interface emits this action.
void test_fault(const char* where) {
    if (app.fault_at != where) return;
    app.fault_at.clear();
    throw std::runtime_error(std::string("test fault at ") + where);
}

// Every call from JavaScript and every frame runs inside this: whatever core or ImGui code
// throws becomes a message, and the page keeps running with its state.
template <class F>
bool guarded(const char* where, F&& f) {
    std::string what;
    try {
        f();
        return true;
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
        what = "unknown error";
    }
    app.last_error = std::string(where) + ": " + what;
    app.notice = "Something went wrong (" + app.last_error + "). Nothing you entered was lost, and Joined-Up carries on.";
    js_console_warn(app.last_error.c_str());
    return false;
}

void download(const std::string& name, const std::string& mime, const std::string& text) {
    js_download(name.c_str(), mime.c_str(), text.c_str());
}

void refresh_tally() {
    if (app.tally_for == app.state.tally_files.size()) return;
    app.tally = jup::tally(app.state.tally_files);
    app.tally_for = app.state.tally_files.size();
}

void show_qr(const std::string& text, const std::string& caption) {
    app.share.qr_open = true;
    app.share.qr_caption = caption;
    app.share.qr_error.clear();
    if (!jup::make_qr(text, app.share.qr, app.share.qr_error)) app.share.qr_error = "This link is " + app.share.qr_error + ".";
}

// Opens a share link through core (the action open_share); keep_answers: only its view.
void use_share(const std::string& fragment, bool keep_answers) {
    jup::Action a{"open_share", {{"type", "open_share"}, {"fragment", fragment}, {"keep_answers", keep_answers}}};
    jup::ApplyResult r = jup::apply(app.state, a, app.loaded.content);
    if (std::string n = jup::share_notice(r); !n.empty()) app.notice = n;
    save_state();
}

// A share link was opened (at start or when the hash changes). Saved answers are never
// overwritten without asking; a damaged link changes nothing.
void open_share(const std::string& hash) {
    if (hash.size() < 2) return;
    jup::ShareCheck check = jup::check_share(app.state, hash);
    if (!check.error.empty()) {
        app.notice = check.error;
        return;
    }
    if (!check.question.empty()) {
        app.pending_share = hash;
        app.share.pending = check.question;
        return;
    }
    use_share(hash, false);
}

// Handles the platform's requests (core/actions.hpp). Returns false if `a` is not one; a
// request with bad arguments is refused with `error`.
bool platform_action(const jup::Action& a, std::string& error) {
    const jup::ActionSpec* spec = jup::find_request(a.type);
    if (!spec) return false;
    if (!jup::read_args(*spec, a.args, error)) return true;
    jup::Args args(*spec, a.args);
    switch (spec->request) {
        case jup::Request::None: break;
        case jup::Request::DismissNotice: app.notice.clear(); break;
        case jup::Request::ExportAnswers: {
            download(jup::answers_file_name(app.state), "application/json",
                     jup::json_text(jup::export_answers(app.state, iso_now()), 1));
            break;
        }
        case jup::Request::PickAnswersFile: js_pick_files("answers", 0); break;
        case jup::Request::PickTallyFiles: js_pick_files("tally", 1); break;
        case jup::Request::ExportTallyCsv:
            refresh_tally();
            download("joinedup-tally.csv", "text/csv", jup::tally_csv(app.tally, app.loaded.content));
            break;
        case jup::Request::ExportTallyJson:
            refresh_tally();
            download("joinedup-tally.json", "application/json", jup::json_text(jup::tally_json(app.tally), 1));
            break;
        case jup::Request::ConfirmImport: {
            jup::Action imp{"import_answers", {{"type", "import_answers"}, {"file", app.pending_import.text}}};
            jup::ApplyResult r = jup::apply(app.state, imp, app.loaded.content);
            app.notice = jup::import_notice(app.pending_import.name, r);
            save_state();
            app.pending_import = {};
            break;
        }
        case jup::Request::CancelImport: app.pending_import = {}; break;
        case jup::Request::Fullscreen: js_request_fullscreen(); break;
        case jup::Request::Share: {
            jup::ShareEncoded e = jup::encode_share(app.state);
            app.share.url = page_url_without_hash() + "#" + e.fragment;
            app.share.dropped_text = e.dropped_text;
            app.share.open = true;
            js_replace_hash(e.fragment.c_str());
            break;
        }
        case jup::Request::CopyShare:
            js_copy_to_clipboard(app.share.url.c_str());
            app.notice = "Link copied.";
            break;
        case jup::Request::CloseShare: app.share.open = false; break;
        case jup::Request::ShowQr:
            if (args.text("what") == "site") show_qr(page_url_without_hash(), "Scan to open Joined-Up: " + page_url_without_hash());
            else show_qr(app.share.url, "Scan to open this view with these choices");
            break;
        case jup::Request::CloseQr: app.share.qr_open = false; break;
        case jup::Request::AcceptShare:
        case jup::Request::DeclineShare:  // declining keeps my answers but still goes to the view
            if (!app.pending_share.empty()) use_share(app.pending_share, spec->request == jup::Request::DeclineShare);
            app.share.pending.clear();
            app.pending_share.clear();
            break;
        case jup::Request::OpenTextVersion: js_open_text_version(); break;
        case jup::Request::TestFault: app.fault_at = args.text("at"); break;
    }
    return true;
}

// Files chosen in a picker or dropped on the page: answers to import, or files for the tally.
void files_arrived(const std::string& purpose, std::vector<jup::TallyInput> files) {
    if (files.empty()) return;
    bool to_tally = purpose == "tally" || (purpose == "drop" && (app.state.view == jup::View::Tally || files.size() > 1));
    if (to_tally) {
        json list = json::array();
        for (auto& f : files) list.push_back({{"name", f.name}, {"text", f.text}});
        jup::Action a{"tally_add", {{"type", "tally_add"}, {"files", list}}};
        jup::ApplyResult r = jup::apply(app.state, a, app.loaded.content);
        if (!r.ok) app.notice = r.error;
        save_tally();
        return;
    }
    // One answers file: replace this browser's answers, asking first if there are any.
    if (app.state.answers.empty()) {
        app.pending_import = files[0];
        std::string err;
        platform_action({"confirm_import", {}}, err);
    } else {
        app.pending_import = files[0];
    }
}

void wake() {
    app.last_activity = now_ms();
    if (app.paused) {
        app.paused = false;
        emscripten_resume_main_loop();
    }
}

// Keep the SDL window the size of the canvas's CSS box (the page sizes the canvas).
bool sync_canvas_size() {
    double cw = 0, ch = 0;
    emscripten_get_element_css_size("#canvas", &cw, &ch);
    int w = 0, h = 0;
    SDL_GetWindowSize(app.window, &w, &h);
    int iw = (int)std::lround(cw), ih = (int)std::lround(ch);
    if (iw > 0 && ih > 0 && (iw != w || ih != h)) {
        SDL_SetWindowSize(app.window, iw, ih);
        return true;
    }
    return false;
}

void record_frame_ms(double ms) {
    app.last_frame_ms = ms;
    if (app.frame_ms.size() < 600) app.frame_ms.push_back((float)ms);
    else app.frame_ms[app.frame_ms_next++ % app.frame_ms.size()] = (float)ms;
}

double percentile(std::vector<float> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = (size_t)std::min<double>(v.size() - 1, std::floor(p * (v.size() - 1) + 0.5));
    return v[i];
}

// While a text box has focus, a printable key's key-down adds nothing (its character arrives as
// SDL_TEXTINPUT) but makes ImGui take one typed character per frame, so fast typing on a slow
// phone falls behind. Skip those; keys that edit (Backspace, arrows, Enter, Ctrl+...) still go.
bool printable_key_while_typing(const SDL_Event& e) {
    if (e.type != SDL_KEYDOWN || !ImGui::GetIO().WantTextInput) return false;
    if (e.key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) return false;
    return e.key.keysym.sym >= SDLK_SPACE && e.key.keysym.sym < SDLK_DELETE;
}

void frame_body() {
    bool input = false;
    SDL_Event e;
    int win_w = 0, win_h = 0;
    SDL_GetWindowSize(app.window, &win_w, &win_h);
    double t = now_ms();
    while (SDL_PollEvent(&e)) {
        input = true;
        if (touch::handle(e, (float)win_w, (float)win_h, app.ui.touch_drag_area, t)) {
            app.touch = true;
            continue;
        }
        bool from_touch = (e.type == SDL_MOUSEMOTION && e.motion.which == SDL_TOUCH_MOUSEID) ||
                          ((e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) && e.button.which == SDL_TOUCH_MOUSEID);
        if (!from_touch && !printable_key_while_typing(e)) ImGui_ImplSDL2_ProcessEvent(&e);
    }
    if (sync_canvas_size()) input = true;
    if (touch::busy()) input = true;  // a finger down (a long press is coming) or a glide
    if (input) app.last_activity = t;
    if (app.first_frame_done && t - app.last_activity > kIdleAfterMs) {
        ++app.idle_skips;
        if (t - app.last_activity > kSleepAfterMs) {
            app.paused = true;
            emscripten_pause_main_loop();  // web/index.html wakes us on the next input event
        }
        return;
    }

    double start = now_ms();
    rebuild_fonts_and_style();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    probe::new_frame();
    touch::new_frame(now_ms());
    text_agent::keep_in_view();
    std::vector<jup::Action> actions;
    refresh_tally();
    bool reduced_motion = js_prefers_reduced_motion() != 0;
    ui::Ctx ctx{app.loaded.content, app.state, app.loaded.issues, app.notice, app.fonts, actions,
                &app.tally, app.geo_error.empty() ? &app.geo : nullptr, &app.geo_error, app.pending_import.name, &app.share,
                reduced_motion, app.storage_ok, &app.ui, &app.search, app.touch};
    if (app.fault_at == "frame") {  // a window left open when it throws: recovery must close it
        ImGui::Begin("##test-fault");
        test_fault("frame");
    }
    std::fill(std::begin(app.ui.touch_drag_area), std::end(app.ui.touch_drag_area), 0.0f);  // the view sets it again
    ui::draw_app(ctx);
    ImGui::Render();
    text_agent::after_frame();
    for (auto& a : actions) {
        std::string err;
        if (!platform_action(a, err)) err = dispatch(a);
        if (!err.empty()) app.notice = err;
    }
    if (!actions.empty()) app.last_activity = now_ms();

    int fw = 0, fh = 0;
    SDL_GL_GetDrawableSize(app.window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    record_frame_ms(now_ms() - start);
    ++app.frames;

    if (!app.first_frame_done) {
        app.first_frame_done = true;
        app.last_activity = now_ms();
        js_first_frame();
    }
}

void frame() {
    if (guarded("frame", frame_body)) return;
    // Close whatever the frame left open, so that the next one starts clean.
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (g && g->WithinFrameScope) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
    }
    wake();  // draw the message
}

}  // namespace

// ---- JavaScript hooks -------------------------------------------------------------------

extern "C" {

// Calls that return text return "" when they failed; jup_last_error() then says why
// (web/loader.js turns that into a JavaScript exception for the caller).
EMSCRIPTEN_KEEPALIVE const char* jup_dispatch(const char* action_json) {
    static std::string result;
    result.clear();
    bool ok = guarded("dispatch", [&] {
        test_fault("dispatch");
        json j;
        jup::Action a;
        std::string err;
        if (!jup::parse_json(action_json ? action_json : "", j, err)) result = "the action is not valid JSON (" + err + ")";
        else if (!jup::action_from_json(j, a, err) || platform_action(a, err)) result = err;
        else result = dispatch(a);
    });
    if (!ok) result = app.last_error;
    wake();
    return result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* jup_state() {
    static std::string s;
    s.clear();
    guarded("state", [&] {
        test_fault("state");
        s = jup::json_text(jup::state_to_json(app.state));
    });
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* jup_widgets() {
    static std::string s;
    s.clear();
    guarded("widgets", [&] { s = probe::widgets_json(); });
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* jup_stats() {
    static std::string s;
    s.clear();
    guarded("stats", [&] {
        test_fault("stats");
        json issues = json::array();
        for (auto& i : app.loaded.issues) issues.push_back(i.str());
        s = jup::json_text({{"frames", app.frames},
                            {"idleSkips", app.idle_skips},
                            {"paused", app.paused},
                            {"lastFrameMs", app.last_frame_ms},
                            {"frameMsP50", percentile(app.frame_ms, 0.5)},
                            {"frameMsP95", percentile(app.frame_ms, 0.95)},
                            {"contentErrors", app.loaded.errors()},
                            {"notice", app.notice},
                            {"storageOk", app.storage_ok},
                            {"lastError", app.last_error},
                            {"sharePending", !app.share.pending.empty()},
                            {"importPending", !app.pending_import.name.empty()},
                            {"contentIssues", issues},
                            {"overflowPx", probe::overflow_px()},
                            {"tooltipShown", probe::tooltip_shown()}});
    });
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* jup_last_error() { return app.last_error.c_str(); }

EMSCRIPTEN_KEEPALIVE void jup_wake() { wake(); }

// Whether no control inside the app has the keyboard (nothing focused by the keyboard, nothing
// being edited): then Shift+Tab leaves the canvas (web/loader.js), so the keyboard is never trapped.
EMSCRIPTEN_KEEPALIVE int jup_nav_idle() {
    ImGuiContext& g = *GImGui;
    return (g.NavId == 0 || g.NavDisableHighlight) && g.ActiveId == 0 ? 1 : 0;
}

// The text agent (web/text-agent.js): what was typed into it, and the editing keys.
EMSCRIPTEN_KEEPALIVE void jup_agent_text(const char* utf8) {
    guarded("agent", [&] { text_agent::text(utf8 ? utf8 : ""); });
    wake();
}

EMSCRIPTEN_KEEPALIVE void jup_agent_key(const char* name, int ctrl, int shift, int alt) {
    guarded("agent", [&] { text_agent::key(name ? name : "", ctrl != 0, shift != 0, alt != 0); });
    wake();
}

EMSCRIPTEN_KEEPALIVE int jup_text_field_at(float x, float y) { return probe::text_field_at(x, y) ? 1 : 0; }

// Files from the page: purpose is "answers", "tally" or "drop"; files_json is [{"name", "text"}].
EMSCRIPTEN_KEEPALIVE void jup_files(const char* purpose, const char* files_json) {
    guarded("files", [&] {
        test_fault("files");
        json j;
        std::string err;
        std::vector<std::string> problems;
        std::vector<jup::TallyInput> files;
        if (jup::parse_json(files_json ? files_json : "", j, err)) {
            jup::JsonIn list(j, "", problems);
            for (size_t i = 0; i < list.size(); ++i) {
                jup::TallyInput f;
                if (list.at(i).text("name", f.name) && list.at(i).text("text", f.text)) files.push_back(std::move(f));
            }
        }
        files_arrived(purpose ? purpose : "", std::move(files));
    });
    wake();
}

EMSCRIPTEN_KEEPALIVE void jup_hash(const char* hash) {
    guarded("hash", [&] {
        test_fault("hash");
        open_share(hash ? hash : "");
    });
    wake();
}

// Another tab changed localStorage (the page's "storage" event); key "" means it was cleared.
EMSCRIPTEN_KEEPALIVE void jup_storage(const char* key) {
    guarded("storage", [&] {
        test_fault("storage");
        std::string k = key ? key : "";
        if (k.empty() || k == kSessionKey) adopt_saved_state();
        if (k.empty() || k == kTallyKey) restore_tally();
    });
    wake();
}

EMSCRIPTEN_KEEPALIVE const char* jup_tally() {
    static std::string s;
    s.clear();
    guarded("tally", [&] {
        test_fault("tally");
        refresh_tally();
        s = jup::json_text(jup::tally_json(app.tally));
    });
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* jup_export() {
    static std::string s;
    s.clear();
    guarded("export", [&] {
        test_fault("export");
        s = jup::json_text(jup::export_answers(app.state, iso_now()));
    });
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE void jup_free(void* p) { free(p); }

}  // extern "C"

int main() {
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // touch.cpp turns fingers into taps, scrolls and hovers
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        js_fail((std::string("SDL could not start: ") + SDL_GetError()).c_str());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    double cw = 1024, ch = 768;
    emscripten_get_element_css_size("#canvas", &cw, &ch);
    app.window = SDL_CreateWindow("Joined-Up", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, (int)cw, (int)ch,
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    app.gl = app.window ? SDL_GL_CreateContext(app.window) : nullptr;
    if (!app.gl) {
        js_fail((std::string("WebGL2 is not available in this browser: ") + SDL_GetError()).c_str());
        return 1;
    }
    SDL_GL_MakeCurrent(app.window, app.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is not persisted; answers are, through save_state()
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    text_agent::install();
    touch::install();

    // The page wrote the content pack into /data before main() ran.
    guarded("start", [] {
        app.loaded = jup::load_content(jup::DirReader("/data"));
        app.search = jup::build_search_index(app.loaded.content);
    });
    guarded("start", [] {
        std::string text;
        if (!jup::DirReader("/data").read("geo/london.json", text)) app.geo_error = "geo/london.json: /: file not found";
        else if (std::string err; !jup::geo::load_geo(text, app.geo, err)) app.geo_error = "geo/london.json: " + err;
    });
    guarded("start", [] {
        load_saved_state();
        save_state();
        open_share(take_js_string(js_location_hash()));
        restore_tally();
    });

    app.touch = js_coarse_pointer() != 0;
    app.last_activity = now_ms();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
