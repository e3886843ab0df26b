// The unist node types of the reStructuredText syntax tree. Type names are
// docutils' doctree element names, so a tree reads like docutils' own and
// compares 1:1 with it (see DESIGN.md). Every node carries an exact
// `position`: offsets into the original file, 1-based line and column.

import type {Position} from 'unist'

export type {Position, Point} from 'unist'

interface NodeBase {
  type: string
  position: Position
  data?: Record<string, unknown>
}

interface ParentBase<Child> extends NodeBase {
  children: Child[]
}

// ---------------------------------------------------------------------------
// Problems: docutils' system messages, recorded as data (never thrown).

export type ProblemLevel = 1 | 2 | 3 | 4
export const problemTypes = {1: 'INFO', 2: 'WARNING', 3: 'ERROR', 4: 'SEVERE'} as const

export interface Problem {
  /** 1 INFO, 2 WARNING, 3 ERROR, 4 SEVERE, as in docutils. */
  level: ProblemLevel
  /** docutils' wording, first paragraph ("Title underline too short."). */
  text: string
  /** The narrowest exact span the message is about. */
  position: Position
  /** `parse` while parsing, `transform` for document-wide checks after it. */
  phase: 'parse' | 'transform'
}

// ---------------------------------------------------------------------------
// Block nodes.

export interface Root extends ParentBase<Block> {
  type: 'document'
  data: {problems: Problem[]} & Record<string, unknown>
}

export interface Section extends ParentBase<Title | Block> {
  type: 'section'
  /** Nesting depth, 1 = top, as docutils' `level`. */
  level: number
  /** Normalized names (the implicit target of the title). */
  names: string[]
  /** The title style key, e.g. `=` (underline) or `==` (over- and underline). */
  style: string
}

export interface Title extends ParentBase<Inline> {
  type: 'title'
}

export interface Paragraph extends ParentBase<Inline> {
  type: 'paragraph'
}

export interface BulletList extends ParentBase<ListItem> {
  type: 'bullet_list'
  bullet: string
}

export type EnumType = 'arabic' | 'loweralpha' | 'upperalpha' | 'lowerroman' | 'upperroman'

export interface EnumeratedList extends ParentBase<ListItem> {
  type: 'enumerated_list'
  enumtype: EnumType
  prefix: string
  suffix: string
  start: number
}

export interface ListItem extends ParentBase<Block> {
  type: 'list_item'
}

export interface DefinitionList extends ParentBase<DefinitionListItem> {
  type: 'definition_list'
}

export interface DefinitionListItem extends ParentBase<Term | Classifier | Definition> {
  type: 'definition_list_item'
}

export interface Term extends ParentBase<Inline> {
  type: 'term'
}

export interface Classifier extends ParentBase<Inline> {
  type: 'classifier'
}

export interface Definition extends ParentBase<Block> {
  type: 'definition'
}

export interface FieldList extends ParentBase<Field> {
  type: 'field_list'
}

export interface Field extends ParentBase<FieldName | FieldBody> {
  type: 'field'
}

export interface FieldName extends ParentBase<Inline> {
  type: 'field_name'
}

export interface FieldBody extends ParentBase<Block> {
  type: 'field_body'
}

export interface OptionList extends ParentBase<OptionListItem> {
  type: 'option_list'
}

export interface OptionListItem extends ParentBase<OptionGroup | Description> {
  type: 'option_list_item'
}

export interface OptionGroup extends ParentBase<OptionNode> {
  type: 'option_group'
}

export interface OptionNode extends ParentBase<OptionString | OptionArgument> {
  type: 'option'
}

export interface OptionString extends NodeBase {
  type: 'option_string'
  value: string
}

export interface OptionArgument extends NodeBase {
  type: 'option_argument'
  value: string
  /** The delimiter before the argument: ` ` or `=`. */
  delimiter: string
}

export interface Description extends ParentBase<Block> {
  type: 'description'
}

export interface LiteralBlock extends NodeBase {
  type: 'literal_block'
  /** The content with the common indentation (or quote prefix) removed. */
  value: string
  /** `indented` or `quoted` (after `::`). */
  form: 'indented' | 'quoted'
}

export interface LineBlock extends ParentBase<LineNode | LineBlock> {
  type: 'line_block'
}

export interface LineNode extends ParentBase<Inline> {
  type: 'line'
}

export interface BlockQuote extends ParentBase<Block | Attribution> {
  type: 'block_quote'
}

export interface Attribution extends ParentBase<Inline> {
  type: 'attribution'
}

export interface DoctestBlock extends NodeBase {
  type: 'doctest_block'
  value: string
}

export interface Table extends ParentBase<TableHead | TableBody> {
  type: 'table'
  form: 'grid' | 'simple'
  /** Column widths in characters, as docutils' colspec. */
  colwidths: number[]
}

export interface TableHead extends ParentBase<Row> {
  type: 'thead'
}

export interface TableBody extends ParentBase<Row> {
  type: 'tbody'
}

export interface Row extends ParentBase<Entry> {
  type: 'row'
}

export interface Entry extends ParentBase<Block> {
  type: 'entry'
  morerows?: number
  morecols?: number
}

export interface Transition extends NodeBase {
  type: 'transition'
}

export interface Comment extends NodeBase {
  type: 'comment'
  value: string
}

export interface Target extends NodeBase {
  type: 'target'
  /** Normalized names (lowercase, whitespace collapsed); empty if anonymous. */
  names: string[]
  /** The names as written, for messages. */
  label?: string
  refuri?: string
  /** Indirect target: `.. _a: b_`. */
  refname?: string
  anonymous?: boolean
}

export interface Footnote extends ParentBase<Block> {
  type: 'footnote'
  /** The label as written: `1`, `#`, `#name`, `*`. */
  label: string
  /** `1` for auto-numbered (`#`, `#name`), `*` for auto-symbol. */
  auto?: '1' | '*'
  names: string[]
}

export interface Citation extends ParentBase<Block> {
  type: 'citation'
  label: string
  names: string[]
}

export interface SubstitutionDefinition extends ParentBase<Inline | Directive> {
  type: 'substitution_definition'
  name: string
}

export interface DirectiveOption {
  name: string
  value: string
  position: Position
}

export interface Directive extends ParentBase<Block> {
  type: 'directive'
  /** As written (`Note`, `code-block`, `qapi:command`). */
  name: string
  /** The argument text (may span lines; joined with `\n`), `''` if none. */
  argument: string
  options: DirectiveOption[]
  /** Raw content lines with the common indentation removed, joined by `\n`. */
  content: string
  /** `rst`: content parsed into `children`; `raw`: kept in `content` only. */
  body: 'rst' | 'raw'
  namePosition: Position
  argumentPosition?: Position
  contentPosition?: Position
}

export type Block =
  | Section
  | Paragraph
  | BulletList
  | EnumeratedList
  | DefinitionList
  | FieldList
  | OptionList
  | LiteralBlock
  | LineBlock
  | BlockQuote
  | DoctestBlock
  | Table
  | Transition
  | Comment
  | Target
  | Footnote
  | Citation
  | SubstitutionDefinition
  | Directive

// ---------------------------------------------------------------------------
// Inline nodes.

export interface Text extends NodeBase {
  type: 'text'
  /** The text with backslash escapes resolved. */
  value: string
}

export interface Emphasis extends ParentBase<Text> {
  type: 'emphasis'
}

export interface Strong extends ParentBase<Text> {
  type: 'strong'
}

export interface Literal extends NodeBase {
  type: 'literal'
  /** The text between the double backquotes, exactly as written. */
  value: string
}

export interface InterpretedText extends NodeBase {
  type: 'interpreted_text'
  /** The role name as written (`ref`, `qapi:type`), `null` for the default role. */
  role: string | null
  /** Whether the role was written before (`prefix`) or after the text. */
  roleSide?: 'prefix' | 'suffix'
  /** The text between the backquotes, exactly as written. */
  value: string
  /** Where the role (`:ref:`) is written. */
  rolePosition?: Position
  /** Where the text between the backquotes is. */
  valuePosition: Position
}

export interface Reference extends ParentBase<Text> {
  type: 'reference'
  /** Normalized name of the target a `name_` / `` `phrase`_ `` reference points to. */
  refname?: string
  /** URI: standalone URIs, e-mail addresses, embedded `<uri>`. */
  refuri?: string
  anonymous?: boolean
  /** An embedded target `` `text <target>`_ ``: where `<target>` is. */
  embeddedPosition?: Position
}

export interface FootnoteReference extends NodeBase {
  type: 'footnote_reference'
  label: string
  auto?: '1' | '*'
  refname?: string
}

export interface CitationReference extends NodeBase {
  type: 'citation_reference'
  label: string
  refname: string
}

export interface SubstitutionReference extends ParentBase<Text> {
  type: 'substitution_reference'
  /** The substitution name as written between the bars. */
  refname: string
  /** `|name|_` or `|name|__`: also a reference. */
  reference?: 'named' | 'anonymous'
}

export interface InlineTarget extends ParentBase<Text> {
  type: 'inline_target'
  names: string[]
}

export type Inline =
  | Text
  | Emphasis
  | Strong
  | Literal
  | InterpretedText
  | Reference
  | FootnoteReference
  | CitationReference
  | SubstitutionReference
  | InlineTarget

export type RstNode =
  | Root
  | Block
  | Title
  | ListItem
  | DefinitionListItem
  | Term
  | Classifier
  | Definition
  | Field
  | FieldName
  | FieldBody
  | OptionListItem
  | OptionGroup
  | OptionNode
  | OptionString
  | OptionArgument
  | Description
  | LineNode
  | Attribution
  | TableHead
  | TableBody
  | Row
  | Entry
  | Inline

export type RstParent = Extract<RstNode, {children: unknown[]}>
