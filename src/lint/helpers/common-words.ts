// The words QEMU's documentation uses most, none a known misspelling (a test
// checks): the typo rule skips them inside its word regex, so most words of a
// document never become a string to look up. Only speed depends on this list
// (a word left out is simply looked up); it was counted from the prose of the
// QEMU tree's docs, ordinary English and the project's own vocabulary.

import {COMMON_WORDS_PATTERN} from './common-words-pattern.ts'

/** The words, lowercase, apart by spaces and newlines. */
const WORDS = `
aarch able about above accelerator access accessed accesses acpi across action active actual actually adapter
add added adding addition additional address addresses after again against algorithm all allocated allow
allowed allowing allows already also although always amd an and another any ap api aplic appear application
applications appropriate architecture are area argument arguments arm array as aspeed assigned associated
associativity ast at atomic attached attributes authentication automatically available avoid back backend
backends backing backup bar barrier base based basic be because been before behavior behaviour being below
best better between big binaries binary bios bit bitmap bitmaps bits blob block blocks bmc board boards boot
booting both branch bridge buffer build building built bus but by byte bytes cache call callback callbacks
called calling calls can cannot capabilities capability card care case cases cause ccw certain certificate
certificates cfg cfi chain change changed changes channel character check chip ci class client clients clock
clocks cluster clusters code command commands commit common communication compatibility compatible compiler
complete completed complex components compression config configuration configurations configure configured
connect connected connection consider considered consists console contain container containing contains
content contents context continue control controller controllers copy core cores correct corresponding cortex
could count counter cpu cpus crash create created creating creation critical cross current currently cxl
daemon data debug debugging default defaults define defined defines definition dependencies depending
deprecated described describes description descriptor descriptors design designed desired destination details
deterministic dev development device device's devices different direct direction directive directly directory
dirty disable disabled disk display distance dma do document documentation documented does doesn't domain
domains don't done drive driver drivers dtb due during each ebpf effect either el element elements empty
emulate emulated emulation emulator enable enabled enables enabling enclave encrypted encryption end endian
ensure entire entries entry environment equivalent error errors etc ethernet even event events every example
examples except exception execute executed execution existing exit expected explicitly export extension
extensions external fail failure false fd feat feature features field fields file filename files find firmware
first fix fixed flag flags flash follow followed following follows for form format formats found four
framework free from front full fully function functional functionality functions further future fw gdb general
generally generate generated generation generator generic get git given global go good gpu group guest guests
handle handled handling happen hard hardware has hash have header help helper here high hmp host hosts hot how
however hv hyper hypervisor ibm id if ignored igvm image images implement implementation implemented
implements important in include included includes including incoming incremental index indicate indicates
individual info information initial initialization input inside installed instance instead instruction
instructions integer intel intended interface interfaces internal interrupt interrupts into invalid invocation
io iommu ipl irq is issue issued it it's its itself ivshmem job jobs json just kernel key keyboard know known
kvm large last later launch layer layout least left legacy length lengths less level library like limit line
lines linux list listed little live load loaded loading loads local location lock log long longer look loop
low luks machine machines macros made main maintainer make makes making management manual manually many map
mapped mapping mask master match matches matrix maximum may means mechanism mediated member members memory
meson message messages metadata method methods might migration mips mmio mode model models modify module
monitor more most mouse msi msr much multi multiple must name named names namespace nbd necessary need needed
needs negotiated net network never new newer next nitro no node non none normal normally not note notification
now numa number numbers nvdimm object objects of off offset often old older on once one only open operating
operation operations option optional optionally options or order original os other otherwise our out output
outside over own package page pages parameter parameters parent part particular parts pass passed passing
patch patches path pattern payload pc pci pcie per perform performance performed period persistent phase
physical pi pl place platform please plugin plugins point pointer points policy port ports possible postcopy
power pre preferred prefix present previous private process processes processing processor program project
properties property protocol provide provided provides proxy pseries pull purpose python qapi qcow qemu qemu's
qmp qom query queue queues ram range rather raw rcu re read reading reads real receive recommended record
refer reference region regions register registers related release remote remove removed replaced replay reply
report request requested requests require required requirements requires reserved reset resource resources
response result return returned returns review right ring risc riscv rom root rules run running runs runtime
rust safe same save saved schema script scripts scsi sd second section sections secure security see select
selected selector semantics send sending sends sent separate sequence serial series server service services
session set sets setting setup sev several sgx share shared should show side signed similar simple simply
since single size sizes slot snapshot snapshots so soc socket sockets software some sometimes source space
special specific specification specified specifies specify specifying spi split stable stage standard start
started starting starts state status step steps still stop storage store stored stores stream string struct
structure structures sub subsystem success successfully such support supported supports sure sve switch
synchronization syntax system systems table tables take taken takes target targets tb tcg test tested testing
tests text than that the their them then there therefore these they things this those though thread threads
three through thus time timer times tls to together too tool tools top topology tpm trace transfer translation
tree true try tsan two type types typically uart under unique unit unix unless until up update updated upon
usage usb use used useful user users uses using usually uuid valid value values variable variables various
vcpu vec vector version versions very vfio vhost via virtio virtual virtualization visible vm vms vring want
was way we well were what when where whether which while whole will windows with within without work works
would write writes writing written xen xive yet you your zero
`

/**
 * A regex source matching exactly the common words (callers add the word
 * boundaries), as a trie: `a(?:bout|ll)` lets the regex engine try a
 * letter once for all words sharing the prefix, where a plain alternation
 * of a thousand words would try each in turn. Built ahead of time into
 * common-words-pattern.ts: building it at start-up cost ~15 M instructions.
 */
export function commonWordsPattern(): string {
  return COMMON_WORDS_PATTERN
}

/** The common words, in no particular order. */
export function commonWords(): string[] {
  return WORDS.trim().split(/\s+/)
}

/** The trie pattern of the words (what common-words-pattern.ts must hold). */
export function trieOfCommonWords(): string {
  return triePattern(commonWords().sort())
}

/** The trie pattern of sorted, distinct words (the empty word among them ends one). */
function triePattern(words: readonly string[]): string {
  const branches: string[] = []
  let ends = false
  for (let index = 0; index < words.length; ) {
    const word = words[index]!
    if (word === '') {
      ends = true
      index++
      continue
    }
    // The words sharing this first letter follow each other: sorted.
    const first = word[0]!
    const rests: string[] = []
    for (; index < words.length && words[index]![0] === first; index++) rests.push(words[index]!.slice(1))
    branches.push(first + triePattern(rests))
  }
  if (branches.length === 0) return ''
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`
  if (!ends) return body
  return branches.length === 1 && body.length > 1 ? `(?:${body})?` : `${body}?`
}
