// Scope names, labels and annotations as the sealed-secrets controller defines them.
#include <gtest/gtest.h>

#include "seal/label.h"

using namespace berth::seal;
using berth::yaml::Node;

TEST(Label, PerScope) {
  EXPECT_EQ(label_for(Scope::Strict, "prod", "db"), "prod/db");
  EXPECT_EQ(label_for(Scope::NamespaceWide, "prod", "db"), "prod");
  EXPECT_EQ(label_for(Scope::ClusterWide, "prod", "db"), "");
  EXPECT_EQ(label_for(Scope::ClusterWide, "", ""), "");
  EXPECT_THROW(label_for(Scope::Strict, "", "db"), berth::Error);
  EXPECT_THROW(label_for(Scope::Strict, "prod", ""), berth::Error);
  EXPECT_THROW(label_for(Scope::NamespaceWide, "", "db"), berth::Error);
}

TEST(Label, ScopeNames) {
  for (Scope s : {Scope::Strict, Scope::NamespaceWide, Scope::ClusterWide})
    EXPECT_EQ(parse_scope(scope_name(s)), s);
  EXPECT_FALSE(parse_scope("Strict"));
  EXPECT_FALSE(parse_scope(""));
}

TEST(Label, Annotations) {
  Node meta = Node::mapping();
  EXPECT_FALSE(scope_from_metadata(&meta));
  set_scope_annotations(meta, Scope::NamespaceWide);
  EXPECT_EQ(scope_from_metadata(&meta), Scope::NamespaceWide);
  EXPECT_EQ(meta.find("annotations")->find(kNamespaceWideAnnotation)->value(), "true");
  set_scope_annotations(meta, Scope::ClusterWide);
  EXPECT_EQ(scope_from_metadata(&meta), Scope::ClusterWide);
  EXPECT_FALSE(meta.find("annotations")->has(kNamespaceWideAnnotation));
  set_scope_annotations(meta, Scope::Strict);
  EXPECT_FALSE(meta.has("annotations")); // emptied mapping removed
  EXPECT_FALSE(scope_from_metadata(&meta));

  Node other = Node::mapping();
  other.set("annotations", Node::mapping()).set("keep", Node::str("me"));
  set_scope_annotations(other, Scope::Strict);
  EXPECT_TRUE(other.find("annotations")->has("keep"));

  Node falsy = Node::mapping();
  falsy.set("annotations", Node::mapping()).set(kClusterWideAnnotation, Node::str("false"));
  EXPECT_FALSE(scope_from_metadata(&falsy));
}
