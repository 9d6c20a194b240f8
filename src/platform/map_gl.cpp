#include "platform/map_gl.hpp"

#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "imgui.h"

extern const char* const shader_map_fill_vs;
extern const char* const shader_map_fill_fs;
extern const char* const shader_map_edge_vs;
extern const char* const shader_map_edge_fs;

namespace map_gl {
namespace {

struct GpuMesh {
    GLuint vao_fill = 0, vbo_fill = 0, ibo_fill = 0;
    GLuint vao_edge = 0, vbo_edge = 0, ibo_edge = 0;
    jup::geo::Vec2 origin;
    std::vector<jup::map::Mesh::Range> area_fill, area_edge, tile_fill, tile_edge;
    GLsizei fill_count = 0, edge_count = 0;
    bool ready = false;
};

struct Program {
    GLuint id = 0;
    GLint centre = -1, scale = -1, view = -1, t = -1, colors = -1, alpha = -1, half_width = -1, color = -1;
};

GpuMesh meshes[2];
Program fill_prog, edge_prog;
bool tried = false, ok = false;
std::string last_error;

GLuint compile(GLenum type, const char* src, const char* name) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint good = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &good);
    if (!good) {
        char log[1024] = "";
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        last_error = std::string(name) + ": " + log;
        emscripten_log(EM_LOG_ERROR, "map shader %s failed to compile: %s", name, log);
        glDeleteShader(s);
        return 0;
    }
    return s;
}

Program link(const char* vs_src, const char* fs_src, const char* name) {
    Program p;
    GLuint vs = compile(GL_VERTEX_SHADER, vs_src, name), fs = compile(GL_FRAGMENT_SHADER, fs_src, name);
    if (!vs || !fs) return p;
    p.id = glCreateProgram();
    glAttachShader(p.id, vs);
    glAttachShader(p.id, fs);
    glLinkProgram(p.id);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint good = 0;
    glGetProgramiv(p.id, GL_LINK_STATUS, &good);
    if (!good) {
        char log[1024] = "";
        glGetProgramInfoLog(p.id, sizeof log, nullptr, log);
        last_error = std::string(name) + ": " + log;
        emscripten_log(EM_LOG_ERROR, "map program %s failed to link: %s", name, log);
        glDeleteProgram(p.id);
        p.id = 0;
        return p;
    }
    p.centre = glGetUniformLocation(p.id, "u_centre");
    p.scale = glGetUniformLocation(p.id, "u_scale");
    p.view = glGetUniformLocation(p.id, "u_view");
    p.t = glGetUniformLocation(p.id, "u_t");
    p.colors = glGetUniformLocation(p.id, "u_colors");
    p.alpha = glGetUniformLocation(p.id, "u_alpha");
    p.half_width = glGetUniformLocation(p.id, "u_half_width");
    p.color = glGetUniformLocation(p.id, "u_color");
    return p;
}

bool init() {
    if (tried) return ok;
    tried = true;
    fill_prog = link(shader_map_fill_vs, shader_map_fill_fs, "map_fill");
    edge_prog = link(shader_map_edge_vs, shader_map_edge_fs, "map_edge");
    ok = fill_prog.id && edge_prog.id;
    return ok;
}

void release(GpuMesh& m) {
    GLuint vaos[2] = {m.vao_fill, m.vao_edge}, bufs[4] = {m.vbo_fill, m.ibo_fill, m.vbo_edge, m.ibo_edge};
    if (m.vao_fill) glDeleteVertexArrays(2, vaos);
    if (m.vbo_fill) glDeleteBuffers(4, bufs);
    m = GpuMesh();
}

// Up to 4 draws a frame; the callback reads its slot.
DrawParams slots[4];
int slot_frame = -1, slot_next = 0;

void draw_cb(const ImDrawList*, const ImDrawCmd* cmd) {
    const DrawParams& p = *(const DrawParams*)cmd->UserCallbackData;
    GpuMesh& m = meshes[p.mesh];
    if (!ok || !m.ready) return;
    const ImDrawData* dd = ImGui::GetDrawData();
    const float sx = dd->FramebufferScale.x, sy = dd->FramebufferScale.y;
    const float fb_h = dd->DisplaySize.y * sy;
    const ImVec2 off = dd->DisplayPos;
    // The map's rectangle, clipped to the command's clip rectangle, in framebuffer pixels.
    float x0 = std::max((float)p.view.x, cmd->ClipRect.x) - off.x, y0 = std::max((float)p.view.y, cmd->ClipRect.y) - off.y;
    float x1 = std::min((float)p.view.right(), cmd->ClipRect.z) - off.x, y1 = std::min((float)p.view.bottom(), cmd->ClipRect.w) - off.y;
    if (x1 <= x0 || y1 <= y0) return;
    const float vx = ((float)p.view.x - off.x) * sx, vy = fb_h - ((float)p.view.bottom() - off.y) * sy;
    const float vw = (float)p.view.w * sx, vh = (float)p.view.h * sy;
    glViewport((GLint)std::lround(vx), (GLint)std::lround(vy), (GLsizei)std::lround(vw), (GLsizei)std::lround(vh));
    glEnable(GL_SCISSOR_TEST);
    glScissor((GLint)std::lround(x0 * sx), (GLint)std::lround(fb_h - y1 * sy), (GLsizei)std::lround((x1 - x0) * sx),
              (GLsizei)std::lround((y1 - y0) * sy));
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    const float cx = float(p.centre.x - m.origin.x), cy = float(p.centre.y - m.origin.y);
    const float scale = float(p.scale) * sx;
    auto common = [&](const Program& pr, float t) {
        glUseProgram(pr.id);
        glUniform2f(pr.centre, cx, cy);
        glUniform1f(pr.scale, scale);
        glUniform2f(pr.view, std::round(vw), std::round(vh));
        glUniform1f(pr.t, t);
    };
    auto draw_ranges = [&](const std::vector<jup::map::Mesh::Range>& rs, int only) {
        if (only >= 0) {
            if (only < (int)rs.size() && rs[only].count)
                glDrawElements(GL_TRIANGLES, rs[only].count, GL_UNSIGNED_INT, (const void*)(uintptr_t)(rs[only].first * 4));
            return;
        }
        // Ranges are contiguous: draw them in one call.
        if (rs.empty()) return;
        GLuint first = rs.front().first, last = rs.back().first + rs.back().count;
        if (last > first) glDrawElements(GL_TRIANGLES, last - first, GL_UNSIGNED_INT, (const void*)(uintptr_t)(first * 4));
    };

    const bool morphing = p.tile_alpha < 1.0f;
    // Fills.
    common(fill_prog, p.t);
    glUniform4fv(fill_prog.colors, kMaxColors, &p.colors[0][0]);
    glBindVertexArray(m.vao_fill);
    if (morphing) {
        glUniform1f(fill_prog.alpha, 1.0f);
        draw_ranges(m.area_fill, -1);
    }
    if (p.tile_alpha > 0 && !m.tile_fill.empty()) {
        glUniform1f(fill_prog.alpha, p.tile_alpha);
        draw_ranges(m.tile_fill, -1);
    }
    // Borders, then the outlines of hover and selection.
    common(edge_prog, p.t);
    glBindVertexArray(m.vao_edge);
    const auto& edges = morphing ? m.area_edge : m.tile_edge;
    glUniform1f(edge_prog.half_width, p.border_half_width * sx);
    glUniform4f(edge_prog.color, p.border[0], p.border[1], p.border[2], p.border[3]);
    draw_ranges(edges, -1);
    for (const Outline& o : p.outlines) {
        if (o.area < 0) continue;
        glUniform1f(edge_prog.half_width, o.half_width * sx);
        glUniform4f(edge_prog.color, o.color[0], o.color[1], o.color[2], o.color[3]);
        draw_ranges(edges, o.area);
    }
    glBindVertexArray(0);
}

}  // namespace

bool set_mesh(int which, const jup::map::Mesh& mesh) {
    if (which < 0 || which > 1 || !init()) return false;
    GpuMesh& m = meshes[which];
    release(m);
    GLuint vaos[2], bufs[4];
    glGenVertexArrays(2, vaos);
    glGenBuffers(4, bufs);
    m.vao_fill = vaos[0];
    m.vao_edge = vaos[1];
    m.vbo_fill = bufs[0];
    m.ibo_fill = bufs[1];
    m.vbo_edge = bufs[2];
    m.ibo_edge = bufs[3];
    const GLsizei fs = jup::map::kFillFloats * 4, es = jup::map::kEdgeFloats * 4;
    glBindVertexArray(m.vao_fill);
    glBindBuffer(GL_ARRAY_BUFFER, m.vbo_fill);
    glBufferData(GL_ARRAY_BUFFER, mesh.fill.size() * 4, mesh.fill.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.ibo_fill);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, mesh.fill_index.size() * 4, mesh.fill_index.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, fs, (void*)0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, fs, (void*)8);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, fs, (void*)16);
    glBindVertexArray(m.vao_edge);
    glBindBuffer(GL_ARRAY_BUFFER, m.vbo_edge);
    glBufferData(GL_ARRAY_BUFFER, mesh.edge.size() * 4, mesh.edge.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.ibo_edge);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, mesh.edge_index.size() * 4, mesh.edge_index.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, es, (void*)0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, es, (void*)16);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, es, (void*)32);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    m.origin = mesh.origin;
    m.area_fill = mesh.area_fill;
    m.area_edge = mesh.area_edge;
    m.tile_fill = mesh.tile_fill;
    m.tile_edge = mesh.tile_edge;
    m.ready = true;
    return true;
}

bool has_mesh(int which) { return which >= 0 && which <= 1 && meshes[which].ready; }

void queue(ImDrawList* list, const DrawParams& p) {
    int frame = ImGui::GetFrameCount();
    if (frame != slot_frame) slot_frame = frame, slot_next = 0;
    if (slot_next >= 4) return;
    slots[slot_next] = p;
    list->AddCallback(draw_cb, &slots[slot_next++]);
    list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

std::vector<jup::geo::Vec2> touch_fingers(float w, float h) {
    std::vector<jup::geo::Vec2> out;
    for (int d = 0; d < SDL_GetNumTouchDevices(); ++d) {
        SDL_TouchID id = SDL_GetTouchDevice(d);
        for (int i = 0; i < SDL_GetNumTouchFingers(id); ++i)
            if (SDL_Finger* f = SDL_GetTouchFinger(id, i)) out.push_back({f->x * w, f->y * h});
    }
    return out;
}

const char* error() { return last_error.c_str(); }

}  // namespace map_gl
