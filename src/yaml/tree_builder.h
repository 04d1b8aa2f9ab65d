// Builds berth node trees from parser events with an explicit stack: anchors, aliases (with an
// expansion budget), merge keys, duplicate keys and depth bounds. Knows nothing of libfyaml.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "yaml/key_index.h"
#include "yaml/node.h"
#include "yaml/parse.h"

namespace berth::yaml {

// Properties written before a node: `&anchor !tag`.
struct NodeProps {
  std::string_view anchor; // empty when none
  std::string_view tag;    // normalized ("!!str", "!local", full URI); empty when none
  Location loc;
};

class TreeBuilder {
public:
  explicit TreeBuilder(const ParseOptions& options) : options_(options) {}

  void begin_document();
  void end_document();
  void scalar(std::string value, Style style, const NodeProps& props);
  void alias(std::string_view name, Location loc);
  void begin_collection(Kind kind, const NodeProps& props);
  void end_collection();

  std::vector<Node> take() { return std::move(documents_); }

private:
  struct Frame {
    Node node;
    Node key;
    bool have_key = false;
    bool has_merge = false;
    std::string anchor;
    std::size_t nodes = 1; // nodes in this subtree so far (alias budget)
    std::size_t bytes = 0; // scalar bytes in this subtree so far
    KeyIndex index;        // explicit keys, for duplicate detection
  };
  struct Anchor {
    Node node;
    std::size_t nodes = 0;
    std::size_t bytes = 0;
  };

  void attach(Node node, std::size_t nodes, std::size_t bytes);
  void add_entry(Frame& frame, Node key, Node value);
  void define_anchor(const std::string& name, const Node& node, std::size_t nodes,
                     std::size_t bytes);
  void charge(std::size_t nodes, std::size_t bytes, const Location& where);
  bool is_merge_key(const Node& key) const;

  const ParseOptions& options_;
  std::vector<Frame> frames_; // frames_[0, depth_) are open; the rest are kept for reuse
  std::size_t depth_ = 0;
  std::size_t open_anchors_ = 0; // open frames that carry an anchor
  std::unordered_map<std::string, Anchor> anchors_;
  std::size_t alias_nodes_ = 0; // per stream
  std::size_t alias_bytes_ = 0;
  Node root_;
  bool have_root_ = false;
  std::vector<Node> documents_;
};

// Applies YAML 1.1 merge keys (`<<`) of a finished mapping in place: explicit keys win over
// merged ones, earlier sources over later ones; merged entries take the place of the `<<` entry.
void apply_merge_keys(Node& mapping);

} // namespace berth::yaml
