// The shell: a top bar with the views and the text-size control (on a phone: Search, a menu and
// a bottom bar of views), any message for the participant, then the current view.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

struct ViewTab {
    const char* label;  // on a wide screen
    const char* short_label;  // in a phone's bottom bar
    jup::View view;
};
constexpr ViewTab kTabs[] = {{"Why can't we...? boards", "Boards", jup::View::Boards},
                             {"Local pound", "Pound", jup::View::Pound},
                             {"Map", "Map", jup::View::Map},
                             {"Sources & About", "Sources", jup::View::Sources}};

static bool tab_button(Ctx& c, const char* label, jup::View v, ImVec2 size = ImVec2(0, 0)) {
    bool active = c.state.view == v;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_TabActive));
    if (active) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    bool pressed = ImGui::Button(label, size);
    if (pressed) c.emit("set_view", {{"view", jup::view_name(v)}});
    if (active) ImGui::PopStyleColor(2);
    return pressed;
}

// Share, text version, text size and theme: right of the views on a wide screen, in the menu
// on a phone.
static float size_button_width(const Ctx& c) { return std::max(button_width("A+"), c.touch ? 44.0f : 0.0f); }

static void display_controls(Ctx& c, Flow& f) {
    if (flow_button(f, "Share")) c.emit("share");
    ImGui::SetItemTooltip("A link to this view with your choices in it. Nothing is sent to a server.");
    if (flow_button(f, "Text version")) c.emit("open_text_version");
    ImGui::SetItemTooltip("The same content as plain web pages, for screen readers and printing.");
    char pct[16];
    std::snprintf(pct, sizeof pct, "%d%%", (int)(c.state.text_scale * 100 + 0.5f));
    // "Text size A- A+ 100%" stays together; A- and A+ are a finger wide on a touch screen.
    const ImVec2 size(size_button_width(c), 0);
    f.next(ImGui::CalcTextSize("Text size").x + size.x * 2 + ImGui::CalcTextSize(pct).x + ImGui::GetStyle().ItemSpacing.x * 3);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Text size");
    ImGui::SameLine();
    if (ImGui::Button("A-", size)) c.emit("set_text_scale", {{"scale", c.state.text_scale - 0.125f}});
    ImGui::SameLine();
    if (ImGui::Button("A+", size)) c.emit("set_text_scale", {{"scale", c.state.text_scale + 0.125f}});
    ImGui::SameLine();
    ImGui::TextUnformatted(pct);
    if (flow_button(f, c.state.light_theme ? "Dark" : "Light")) c.emit("set_theme", {{"theme", c.state.light_theme ? "dark" : "light"}});
}

static void wide_top_bar(Ctx& c) {
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted("Joined-Up");
    ImGui::PopFont();
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    Flow f{true};
    for (const ViewTab& t : kTabs) {
        f.next(button_width(t.label));
        tab_button(c, t.label, t.view);
    }
    f.next(button_width("Search"));
    search_button(c);
    // Right-aligned when the row has room for them; otherwise they wrap like the rest.
    float w = button_width("Share") + button_width("Text version") + ImGui::CalcTextSize("Text size 100%").x + size_button_width(c) * 2 +
              button_width("Light") + ImGui::GetStyle().ItemSpacing.x * 7;
    float right = ImGui::GetWindowContentRegionMax().x - w;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x < right) ImGui::SameLine(right);
    else f.started = false;
    display_controls(c, f);
    ImGui::Separator();
}

// A phone: the name, Search and Menu on top; the views in the bottom bar (bottom_bar).
// A short screen (a phone on its side): one row with the views' short names as well.
static void compact_top_bar(Ctx& c, bool with_views) {
    ImGui::PushFont(c.fonts.heading);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Joined-Up");
    ImGui::PopFont();
    if (with_views)
        for (const ViewTab& t : kTabs) {
            ImGui::SameLine();
            tab_button(c, t.short_label, t.view);
        }
    float w = button_width("Search") + button_width("Menu") + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    search_button(c);
    ImGui::SameLine();
    if (ImGui::Button("Menu")) ImGui::OpenPopup("menu");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, ImGui::GetItemRectMax().y + 4));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, 0));
    if (ImGui::BeginPopup("menu")) {
        Flow f;
        display_controls(c, f);
        ImGui::Separator();
        ImGui::TextDisabled("For facilitators");
        Flow g;
        if (flow_button(g, "Room tally")) c.emit("set_view", {{"view", "tally"}}), ImGui::CloseCurrentPopup();
        if (flow_button(g, "Close menu")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::Separator();
}

static float bottom_bar_height() { return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2; }

static void bottom_bar(Ctx& c) {
    ImGui::Separator();
    const float gap = ImGui::GetStyle().ItemSpacing.x / 2;
    const int n = (int)(sizeof kTabs / sizeof kTabs[0]);
    float each = (ImGui::GetContentRegionAvail().x - gap * (n - 1)) / n;
    bool full = true;  // the long names when every one fits
    for (const ViewTab& t : kTabs) full = full && button_width(t.label) <= each;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2, ImGui::GetStyle().FramePadding.y));
    for (int i = 0; i < n; ++i) {
        if (i) ImGui::SameLine(0, gap);
        tab_button(c, full ? kTabs[i].label : kTabs[i].short_label, kTabs[i].view, ImVec2(each, 0));
    }
    ImGui::PopStyleVar();
}

static void messages(Ctx& c) {
    if (!c.storage_ok) {
        // Said for as long as it is true: a participant may only notice it when they come back.
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.85f, 0.85f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.3f, 0, 0, 1));
        ImGui::BeginChild("nostorage", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
        text_wrapped("This browser is not keeping your answers (its storage is turned off, full, or private). "
                     "They will be gone when you close this page. Save them to a file to keep them.");
        if (ImGui::Button("Save to a file")) c.emit("export_answers");
        ImGui::EndChild();
        ImGui::PopStyleColor(2);
    }
    if (!c.notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.93f, 0.75f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.2f, 0.1f, 0, 1));
        ImGui::BeginChild("notice", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
        text_wrapped(c.notice);
        if (ImGui::Button("OK")) c.emit("dismiss_notice");
        ImGui::EndChild();
        ImGui::PopStyleColor(2);
    }
    int errors = 0;
    for (auto& i : c.issues) errors += !i.warning;
    if (errors) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
        char title[120];
        std::snprintf(title, sizeof title, "The content pack has %d problem%s: some items may be missing###contentissues", errors, errors == 1 ? "" : "s");
        bool open = ImGui::CollapsingHeader(title);
        ImGui::PopStyleColor();
        if (open) {
            ImGui::BeginChild("issues", ImVec2(0, ImGui::GetFontSize() * 10), ImGuiChildFlags_Border);
            for (auto& i : c.issues)
                if (!i.warning) text_wrapped(i.str());
            ImGui::EndChild();
        }
    }
}

static void share_dialogs(Ctx& c) {
    const ShareView* sv = c.share;
    if (!sv) return;
    if (sv->open && !ImGui::IsPopupOpen("Share this view")) ImGui::OpenPopup("Share this view");
    ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetIO().DisplaySize.x * 0.9f, ImGui::GetFontSize() * 40), 0));
    if (ImGui::BeginPopupModal("Share this view", nullptr)) {
        text_wrapped("This link opens Joined-Up at this view with your choices filled in. Your choices are inside the link itself "
                     "(after the #); they are not sent to any server.");
        if (sv->dropped_text) text_wrapped("Your notes and written reasons are not in the link, to keep it short enough for a QR code. "
                                           "Save your answers to a file to keep them.");
        std::string url = sv->url;
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##url", url.data(), url.size() + 1, ImGuiInputTextFlags_ReadOnly);
        item_name("Link to this view");
        if (ImGui::Button("Copy link")) c.emit("copy_share");
        ImGui::SameLine();
        if (ImGui::Button("Show as QR code")) c.emit("show_qr", {{"what", "share"}});
        ImGui::SameLine();
        if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) c.emit("close_share");
        ImGui::EndPopup();
    }
    if (!sv->pending.empty() && !ImGui::IsPopupOpen("Open a shared link?")) ImGui::OpenPopup("Open a shared link?");
    if (ImGui::BeginPopupModal("Open a shared link?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(sv->pending.c_str());
        ImGui::TextUnformatted("Opening it replaces the answers in this browser.");
        if (ImGui::Button("Save mine to a file first")) c.emit("export_answers");
        ImGui::SameLine();
        if (ImGui::Button("Use the shared answers")) c.emit("accept_share");
        ImGui::SameLine();
        if (ImGui::Button("Keep mine") || ImGui::IsKeyPressed(ImGuiKey_Escape)) c.emit("decline_share");
        ImGui::EndPopup();
    }
    if (sv->qr_open) {
        // Full screen, black on white, with a wide quiet zone: scannable from the back of a room.
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->Pos);
        ImGui::SetNextWindowSize(vp->Size);
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1, 1, 1, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 1));
        ImGui::Begin("QR code", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        ImGui::SetWindowFocus();
        if (ImGui::Button("Close (Esc)") || ImGui::IsKeyPressed(ImGuiKey_Escape)) c.emit("close_qr");
        ImGui::SameLine();
        ImGui::TextUnformatted(sv->qr_caption.c_str());
        if (!sv->qr_error.empty()) text_wrapped(sv->qr_error);
        else if (sv->qr.size > 0) {
            ImVec2 avail = ImGui::GetContentRegionAvail();
            int quiet = 4, n = sv->qr.size + 2 * quiet;
            float cell = std::floor(std::min(avail.x, avail.y) / n);
            ImVec2 o = ImGui::GetCursorScreenPos();
            o.x += (avail.x - cell * n) * 0.5f;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(o, ImVec2(o.x + cell * n, o.y + cell * n), IM_COL32_WHITE);
            for (int y = 0; y < sv->qr.size; ++y)
                for (int x = 0; x < sv->qr.size; ++x)
                    if (sv->qr.at(x, y)) {
                        ImVec2 a(o.x + (x + quiet) * cell, o.y + (y + quiet) * cell);
                        dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
                    }
        }
        ImGui::End();
        ImGui::PopStyleColor(2);
    }
}

void draw_app(Ctx& c) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushFont(c.fonts.body);
    c.narrow = vp->WorkSize.x < ImGui::GetFontSize() * 40;
    ImGui::Begin("Joined-Up", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (c.state.presenter) {
        messages(c);
        draw_presenter(c);
        ImGui::End();
        ImGui::PopFont();
        return;
    }
    // Short: the wide top bar would take a third of a landscape phone's height.
    bool short_screen = vp->WorkSize.y < ImGui::GetFontSize() * 30;
    if (c.narrow || short_screen) compact_top_bar(c, !c.narrow);
    else wide_top_bar(c);
    messages(c);
    std::string page = std::to_string((int)c.state.view) + "/" + c.state.board;
    if (page != c.ui->page_shown) ImGui::SetNextWindowScroll(ImVec2(0, 0)), c.ui->page_shown = page;
    ImGui::BeginChild("view", ImVec2(0, c.narrow ? -bottom_bar_height() : 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    switch (c.state.view) {
        case jup::View::Tally: draw_tally(c); break;
        case jup::View::Boards: draw_boards(c); break;
        case jup::View::Pound: draw_pound(c); break;
        case jup::View::Map: draw_map(c); break;
        case jup::View::Sources: draw_sources(c); break;
    }
    ImGui::EndChild();
    if (c.narrow) bottom_bar(c);
    share_dialogs(c);
    ImGui::End();
    search_panel(c);
    ImGui::PopFont();
}

}  // namespace ui
