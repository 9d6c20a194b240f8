#include "ui/wrap_label.hpp"

#include <algorithm>

#include "ui/ui.hpp"

namespace ui {

std::string wrap_label(const std::string& label, float width) {
    size_t id_at = label.find("##");
    std::string shown = label.substr(0, id_at);
    if (ImGui::CalcTextSize(shown.c_str()).x <= width) return label;
    std::string out, line;
    for (size_t i = 0; i <= shown.size();) {
        size_t j = std::min(shown.find(' ', i), shown.size());
        std::string word = shown.substr(i, j - i);
        std::string trial = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(trial.c_str()).x > width) out += line + "\n", line = word;
        else line = trial;
        i = j + 1;
    }
    out += line;
    // The ID the unbroken label had: ImGui hashes from "###" if there is one, else the whole label.
    size_t hashes = label.find("###");
    return out + (hashes != std::string::npos ? label.substr(hashes) : "###" + label);
}

// Room for a checkbox's or radio button's label: the line less the box and the gap after it.
static float choice_room() {
    return std::max(1.0f, ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - ImGui::GetStyle().ItemInnerSpacing.x);
}

bool checkbox_wrapped(const std::string& label, bool* v) { return ImGui::Checkbox(wrap_label(label, choice_room()).c_str(), v); }

bool radio_wrapped(const std::string& label, bool active) { return radio(wrap_label(label, choice_room()).c_str(), active); }

bool header_wrapped(const std::string& label, ImGuiTreeNodeFlags flags) {
    // A framed header's label starts after the arrow (font size + 3 paddings) and is clipped a
    // padding before the frame's right end.
    const ImGuiStyle& s = ImGui::GetStyle();
    float room = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() - s.FramePadding.x * 4;
    return ImGui::CollapsingHeader(wrap_label(label, std::max(1.0f, room)).c_str(), flags);
}

}  // namespace ui
