"""Cross-source comparison: align the same story's figures across several articles."""

from factcheck.compare.align import (
    Agreement,
    AlignedFigure,
    Comparison,
    Counterpart,
    Mention,
    Version,
    compare_versions,
)
from factcheck.compare.groups import Story, group_stories, story_of
from factcheck.extract import extract_document


def compare_story(story: Story) -> Comparison:
    """Extract every version of `story` and compare their figures."""
    versions = [Version(doc.doc, doc.text, extract_document(doc)) for doc in story.versions]
    return compare_versions(story.name, versions)


__all__ = [
    "Agreement",
    "AlignedFigure",
    "Comparison",
    "Counterpart",
    "Mention",
    "Story",
    "Version",
    "compare_story",
    "compare_versions",
    "group_stories",
    "story_of",
]
