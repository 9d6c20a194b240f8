#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/terms.hpp"
#include "core/vocab.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/ui.hpp"

namespace ui {

void apply_style(bool light, float scale, bool touch) {
    ImGuiStyle& st = ImGui::GetStyle();
    st = ImGuiStyle();
    if (light) {
        ImGui::StyleColorsLight(&st);
        ImVec4* c = st.Colors;
        // High contrast for projectors: near-black text on white, strong accents.
        c[ImGuiCol_Text] = ImVec4(0.05f, 0.05f, 0.08f, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.30f, 0.30f, 0.35f, 1);
        c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0.96f, 0.96f, 0.97f, 1);
        c[ImGuiCol_PopupBg] = ImVec4(1, 1, 0.97f, 1);
        c[ImGuiCol_Border] = ImVec4(0.55f, 0.55f, 0.60f, 1);
        c[ImGuiCol_Button] = ImVec4(0.86f, 0.90f, 0.98f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.70f, 0.80f, 0.98f, 1);
        c[ImGuiCol_ButtonActive] = ImVec4(0.55f, 0.68f, 0.95f, 1);
        c[ImGuiCol_Header] = ImVec4(0.86f, 0.90f, 0.98f, 1);
        c[ImGuiCol_Tab] = ImVec4(0.90f, 0.92f, 0.96f, 1);
        c[ImGuiCol_TabActive] = ImVec4(0.13f, 0.33f, 0.70f, 1);
        c[ImGuiCol_NavHighlight] = ImVec4(0.85f, 0.35f, 0.0f, 1);
    } else {
        ImGui::StyleColorsDark(&st);
        ImVec4* c = st.Colors;
        c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0.13f, 0.14f, 0.17f, 1);
        c[ImGuiCol_NavHighlight] = ImVec4(1.0f, 0.65f, 0.2f, 1);
    }
    st.WindowRounding = 0;
    st.ChildRounding = 6;
    st.FrameRounding = 5;
    st.GrabRounding = 5;
    st.PopupRounding = 6;
    st.FramePadding = ImVec2(10, 6);
    st.ItemSpacing = ImVec2(10, 8);
    st.WindowPadding = ImVec2(16, 12);
    st.ScrollbarSize = 18;
    if (touch) {
        // Every frame (button, box, radio, checkbox) at least 44 CSS px tall, even in the small
        // 16.2 px font: 2 x 14 around the text.
        // A finger scrolls by dragging, so the scrollbar is only a thin position mark.
        st.FramePadding = ImVec2(12, 14);
        st.ItemSpacing = ImVec2(8, 8);
        st.WindowPadding = ImVec2(10, 10);
        st.ScrollbarSize = 8;
        st.TouchExtraPadding = ImVec2(2, 2);
    }
    st.FrameBorderSize = 1;
    st.ScaleAllSizes(scale);
}

// Dear ImGui may wrap after any full stop, so "Why can't we..." broke as "we." / ".. commit";
// drawn as one ellipsis character it stays with its word. Only the drawing changes.
std::string wrap_safe(const std::string& s) {
    std::string out = s;
    for (size_t at = out.find("..."); at != std::string::npos; at = out.find("...", at + 3)) out.replace(at, 3, "\xE2\x80\xA6");
    return out;
}

void text_wrapped(const std::string& s) { ImGui::TextWrapped("%s", wrap_safe(s).c_str()); }

static float label_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x; }

float button_width(const char* label) { return label_width(label) + ImGui::GetStyle().FramePadding.x * 2; }

float choice_width(const char* label) {
    float w = label_width(label);
    return ImGui::GetFrameHeight() + (w > 0 ? ImGui::GetStyle().ItemInnerSpacing.x + w : 0);
}

void Flow::next(float width) {
    if (started) {
        float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
        if (right <= ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x) ImGui::SameLine();
    }
    started = true;
}

bool flow_button(Flow& f, const char* label) {
    f.next(button_width(label));
    return ImGui::Button(label);
}

// A tooltip `ems` font sizes wide, or the screen's width less a margin on a phone.
static float tooltip_width(float ems) { return std::min(ImGui::GetFontSize() * ems, ImGui::GetIO().DisplaySize.x - 16); }

// Chips are small to look at; on a touch screen they are still a finger's size.
static ImVec2 chip_padding(float x) {
    float min_h = ImGui::GetStyle().FramePadding.y > 10 ? 44.0f : 0.0f;
    float y = std::max(1.0f, (min_h - ImGui::GetFontSize()) / 2);
    return ImVec2(x, y);
}

// A chip in a row that wraps: call with the chip's padding pushed. At least 44 px wide on a
// touch screen (the padding is tall there), so "GP?" is no narrower than a finger.
static bool chip_button(const char* label) {
    float w = std::max(button_width(label), ImGui::GetStyle().FramePadding.y > 10 ? 44.0f : 0.0f);
    Flow{true}.next(w);  // beside what came before, if it fits
    return ImGui::Button(label, ImVec2(w, 0));
}

bool selectable_wrapped(const std::string& label, bool selected) {
    std::string shown = label.substr(0, label.find("##"));
    float w = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    ImVec2 size = ImGui::CalcTextSize(shown.c_str(), nullptr, false, w);
    ImVec2 at = ImGui::GetCursorScreenPos();
    // Selectable draws its label on one line: draw it invisibly (it keeps the label for the
    // widget probe and the ID), then the wrapped text over it.
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    bool chosen = ImGui::Selectable(label.c_str(), selected, 0, ImVec2(w, size.y));
    ImGui::PopStyleColor();
    ImGui::GetWindowDrawList()->AddText(nullptr, 0, at, ImGui::GetColorU32(ImGuiCol_Text), shown.c_str(), nullptr, w);
    return chosen;
}

void heading(Ctx& c, const std::string& s) {
    ImGui::PushFont(c.fonts.heading);
    text_wrapped(s);
    ImGui::PopFont();
}

void source_marker(Ctx& c, const jup::Source& s, const char* id_suffix) {
    if (!s.present()) return;
    char label[96];
    if (s.from == s.to) std::snprintf(label, sizeof label, "[doc %s, line %d]##%s", s.doc.c_str(), s.from, id_suffix);
    else std::snprintf(label, sizeof label, "[doc %s, lines %d-%d]##%s", s.doc.c_str(), s.from, s.to, id_suffix);
    ImGui::PushFont(c.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, chip_padding(4));
    if (ImGui::Button(label)) c.emit("show_source", {{"doc", s.doc}, {"line", s.from}});
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort) || ImGui::IsItemFocused()) {
        ImGui::SetNextWindowSize(ImVec2(tooltip_width(28), 0));
        ImGui::BeginTooltip();
        const jup::Document* d = c.content.document(s.doc);
        ImGui::PushFont(c.fonts.small);
        ImGui::TextWrapped("%s", d ? d->title.c_str() : s.doc.c_str());
        ImGui::TextDisabled("Lines %d-%d. Click to read it in the document.", s.from, s.to);
        ImGui::PopFont();
        ImGui::Separator();
        ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", s.quote.c_str());
        ImGui::EndTooltip();
    }
}

void flag_marks(Ctx& c, const std::vector<jup::Flag>& flags, const char* id_suffix) {
    int i = 0;
    for (auto& f : flags) {
        bool warn = jup::vocab::flag_warns(f.kind);
        ImVec4 col = warn ? ImVec4(0.80f, 0.30f, 0.0f, 1) : ImVec4(0.35f, 0.30f, 0.65f, 1);
        ImGui::PushFont(c.fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Button, col);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, chip_padding(5));
        char label[96];
        std::snprintf(label, sizeof label, "%s %s##flag%s%d", warn ? "!" : "i", jup::vocab::flag_label(f.kind), id_suffix, i++);
        chip_button(label);
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
        ImGui::PopFont();
        if (ImGui::IsItemHovered() || ImGui::IsItemFocused()) {
            ImGui::SetNextWindowSize(ImVec2(tooltip_width(24), 0));
            ImGui::BeginTooltip();
            ImGui::TextWrapped("%s: %s", jup::vocab::flag_label(f.kind), f.note.c_str());
            ImGui::EndTooltip();
        }
    }
}

void item_block(Ctx& c, const jup::Item& it) {
    ImGui::PushID(it.id.empty() ? it.text.c_str() : it.id.c_str());
    bool has_label = !it.label.empty() && it.label != it.text;
    if (has_label) {
        ImGui::Bullet();
        ImGui::SameLine();
        text_wrapped(it.label);
    }
    if (!it.text.empty()) {
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped("\xE2\x80\x9C" + it.text + "\xE2\x80\x9D" + (it.speaker.empty() ? "" : " \xE2\x80\x94 " + it.speaker));
        ImGui::PopStyleColor();
        ImGui::Unindent();
    }
    ImGui::Indent();
    source_marker(c, it.source, "s");
    flag_marks(c, it.flags, "f");
    term_chips(c, it.label + " " + it.text, "g");
    ImGui::Unindent();
    ImGui::PopID();
}

void term_chips(Ctx& c, const std::string& text, const char* id_suffix) {
    int i = 0;
    for (const jup::Term* t : jup::terms_in(c.content, text)) {
        ImGui::PushFont(c.fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.10f, 0.45f, 0.40f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, chip_padding(5));
        char label[96];
        std::snprintf(label, sizeof label, "%s?##term%s%d", t->term.c_str(), id_suffix, i++);
        chip_button(label);
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
        ImGui::PopFont();
        if (ImGui::IsItemHovered() || ImGui::IsItemFocused() || ImGui::IsItemActive()) {
            ImGui::SetNextWindowSize(ImVec2(tooltip_width(24), 0));
            ImGui::BeginTooltip();
            ImGui::PushFont(c.fonts.heading);
            ImGui::TextUnformatted(t->term.c_str());
            ImGui::PopFont();
            if (!t->expansion.empty()) text_wrapped(t->expansion);
            if (!t->definition.empty()) text_wrapped(t->definition);
            if (jup::has_flag(t->flags, "outside-knowledge")) ImGui::TextDisabled("Definition from outside the documents.");
            ImGui::EndTooltip();
        }
    }
}

// Said under a box whose text is longer than the core keeps, so nothing is dropped unseen.
void under_box(const std::string& text, size_t max) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.30f, 0.0f, 1));
    if (text.size() > max)
        text_wrapped("This is " + jup::fmt::grouped((long long)text.size()) + " characters; up to " + jup::fmt::grouped((long long)max) +
                     " can be kept. Shorten it to keep your changes.");
    // The app's font has Latin, Greek and Cyrillic letters only: say that the rest is kept.
    int unshown = 0;
    for (const char *p = text.c_str(), *end = p + text.size(); p < end;) {
        unsigned int ch = 0;
        p += ImTextCharFromUtf8(&ch, p, end);
        if (ch >= 0x20 && !ImGui::GetFont()->FindGlyphNoFallback((ImWchar)ch)) ++unshown;
    }
    if (unshown)
        text_wrapped(std::to_string(unshown) + (unshown == 1 ? " character" : " characters") +
                     " you typed cannot be drawn in this app's font (shown as ?). They are kept as you typed them; the text version shows them.");
    ImGui::PopStyleColor();
}

void item_kind(const char* kind) {
    ImGuiContext& g = *GImGui;
    IMGUI_TEST_ENGINE_LOG("jup-kind %s", kind);
}

void item_name(const std::string& name) {
    ImGuiContext& g = *GImGui;
    IMGUI_TEST_ENGINE_LOG("jup-name %s", name.c_str());
}

bool radio(const char* label, bool active) {
    bool pressed = ImGui::RadioButton(label, active);
    item_kind("radio");
    return pressed;
}

}  // namespace ui
