"""Help → Concepts (F1): every block, loss, optimizer and schedule explained, with its formula.

A searchable list on the left, the explanation on the right (rich text, with links to related
concepts). The texts come from `playground.core.concepts` and are translated here. Widgets that
stand for a concept (a palette block, the loss combo box, ...) carry its key in the dynamic
property "concept"; F1 opens the panel at the concept under the mouse, or of the focused widget.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core import catalog
from playground.core.concepts import KIND_TITLES, KINDS, Concept, all_concepts
from playground.ui.i18n import translate

CONCEPT_PROPERTY = "concept"
KEY_ROLE = Qt.ItemDataRole.UserRole
LINK_SCHEME = "concept"


def set_concept(widget: QWidget, key: str | None) -> None:
    """Say which concept `widget` stands for, so F1 over it opens that explanation."""
    widget.setProperty(CONCEPT_PROPERTY, key or "")


def concept_of(widget: QWidget | None) -> str:
    """The concept of `widget` or of its nearest parent that has one ('' when none does)."""
    while widget is not None:
        key = widget.property(CONCEPT_PROPERTY)
        if key:
            return str(key)
        widget = widget.parentWidget()
    return ""


def concept_in_context() -> str:
    """The concept under the mouse, else the focused widget's ('' when neither has one)."""
    return concept_of(QApplication.widgetAt(QCursor.pos())) or concept_of(QApplication.focusWidget())


def title_of(concept: Concept) -> str:
    return translate(concept.title_context, concept.title) if concept.title_context else concept.title


def _kind_subtitle(concept: Concept) -> str:
    if concept.kind == "layer":
        return translate("Catalog", catalog.LAYERS[concept.title].group)
    return translate("Concepts", KIND_TITLES[concept.kind])


def concept_html(concept: Concept, titles: dict[str, str]) -> str:
    """The explanation as rich text; `titles` names the related concepts (key → shown title)."""
    formulas = "<br>".join(html.escape(translate(context, formula)) for context, formula in concept.formulas)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in translate("Concepts", concept.explanation).split("\n\n"))
    parts = [
        f"<h2 style='margin-bottom:0'>{html.escape(title_of(concept))}</h2>",
        f"<p style='color:#666; margin-top:2px'>{html.escape(_kind_subtitle(concept))}</p>",
        f"<p><b>{html.escape(translate(concept.summary_context, concept.summary))}</b></p>",
        "<table width='100%' cellpadding='8' style='background-color:#eef3f8; margin:6px 0'><tr><td>"
        f"<span style='font-family:monospace; font-size:large'>{formulas}</span></td></tr></table>",
        paragraphs,
    ]
    links = [f"<a href='{LINK_SCHEME}:{key}'>{html.escape(titles[key])}</a>" for key in concept.related
             if key in titles]
    if links:
        see_also = QCoreApplication.translate("HelpPanel", "See also:")
        parts.append(f"<p><b>{html.escape(see_also)}</b> {', '.join(links)}</p>")
    return "".join(parts)


class HelpPanel(QDialog):
    """The Concepts window: not modal, so it can stay open next to the network while you work."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self.setWindowTitle(self.tr("Concepts"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.concepts = {c.key: c for c in all_concepts()}
        self.titles = {key: title_of(c) for key, c in self.concepts.items()}

        self.search = QLineEdit()
        self.search.setObjectName("conceptSearch")
        self.search.setPlaceholderText(self.tr("Search: ReLU, learning rate, overfitting…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.list = QTreeWidget()
        self.list.setObjectName("conceptList")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._groups: list[QTreeWidgetItem] = []
        for kind in KINDS:
            group = QTreeWidgetItem([translate("Concepts", KIND_TITLES[kind])])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.list.addTopLevelItem(group)
            self._groups.append(group)
            for key, concept in self.concepts.items():
                if concept.kind == kind:
                    item = QTreeWidgetItem([self.titles[key]])
                    item.setData(0, KEY_ROLE, key)
                    item.setToolTip(0, translate(concept.summary_context, concept.summary))
                    group.addChild(item)
                    self.items[key] = item
            group.setExpanded(True)
        self.list.currentItemChanged.connect(self._current_changed)

        self.view = QTextBrowser()
        self.view.setObjectName("conceptView")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._link_clicked)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 520])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(820, 560)
        self.show_concept("idea:weights")

    def show_concept(self, key: str) -> bool:
        """Select and show the concept `key`; False when there is no such concept."""
        item = self.items.get(key)
        if item is None:
            return False
        if item.isHidden():
            self.search.clear()
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        return True

    def current_key(self) -> str:
        item = self.list.currentItem()
        return str(item.data(0, KEY_ROLE) or "") if item is not None else ""

    def html_for(self, key: str) -> str:
        return concept_html(self.concepts[key], self.titles)

    def filter(self, text: str) -> None:
        """Show only the concepts whose title, summary or explanation (shown or English) contain `text`."""
        needle = text.strip().lower()
        for group in self._groups:
            visible = 0
            for i in range(group.childCount()):
                item = group.child(i)
                match = not needle or needle in self._haystack(str(item.data(0, KEY_ROLE)))
                item.setHidden(not match)
                visible += match
            group.setHidden(visible == 0)
        current = self.list.currentItem()
        if current is None or current.isHidden():
            first = next((group.child(i) for group in self._groups for i in range(group.childCount())
                          if not group.child(i).isHidden()), None)
            if first is not None:
                self.list.setCurrentItem(first)

    def _haystack(self, key: str) -> str:
        c = self.concepts[key]
        texts = [key, c.title, self.titles[key], c.summary, translate(c.summary_context, c.summary),
                 c.explanation, translate("Concepts", c.explanation)]
        return " ".join(texts).lower()

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        key = current.data(0, KEY_ROLE) if current is not None else None
        if key:
            self.view.setHtml(self.html_for(str(key)))

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.show_concept(url.path())
