// Small hand-built office documents for the rule-by-rule tests, zipped with fflate: a DOCX
// with everything that names its author (properties, comments, tracked changes, rsids, the
// template path, a thumbnail, printer settings, custom XML, a photo with a comment), an XLSX
// and a PPTX with comment authors, and an ODT with meta.xml, annotations and a thumbnail.

import { strToU8, zipSync, type Zippable } from 'fflate';
import { tinyPng, text } from './png-fixtures.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function zip(files: Readonly<Record<string, string | Uint8Array>>, stored: readonly string[] = []): Uint8Array {
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    entries[name] = [typeof data === 'string' ? strToU8(data) : data, { level: stored.includes(name) ? 0 : 6, mtime: new Date(2024, 0, 2) }];
  }
  return zipSync(entries);
}

function override(part: string, type: string): string {
  return `<Override PartName="/${part}" ContentType="${type}"/>`;
}

export const DOCX_PARTS: Readonly<Record<string, string | Uint8Array>> = {
  '[Content_Types].xml':
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>` +
    override('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    override('docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml') +
    override('customXml/itemProps1.xml', 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml') + '</Types>',
  '_rels/.rels':
    `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="${PKG}/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="${PKG}/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/><Relationship Id="rId5" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
  'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Alice Traoré</dc:creator><cp:lastModifiedBy>Alice Traoré</cp:lastModifiedBy></cp:coreProperties>`,
  'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>Mairie de Kati</Company></Properties>`,
  'docProps/custom.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property name="MSIP_Label_SetBy"><vt:lpwstr xmlns:vt="x">alice@example.org</vt:lpwstr></property></Properties>`,
  'docProps/thumbnail.jpeg': new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
  'word/_rels/document.xml.rels':
    `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/image" Target="media/image1.png"/><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="${REL}/customXml" Target="../customXml/item1.xml"/><Relationship Id="rId4" Type="${REL}/comments" Target="comments.xml"/></Relationships>`,
  'word/document.xml':
    `${XML}<w:document ${W}><w:body><w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:r><w:t>Le maire a reçu 2 millions.</w:t></w:r>` +
    `<w:ins w:id="1" w:author="Alice Traoré" w:date="2024-01-02T03:04:05Z"><w:r><w:t> En liquide.</w:t></w:r></w:ins></w:p></w:body></w:document>`,
  'word/comments.xml': `${XML}<w:comments ${W}><w:comment w:id="0" w:author="Alice Traoré" w:initials="AT" w:date="2024-01-02T03:04:05Z"><w:p><w:r><w:t>Vérifier</w:t></w:r></w:p></w:comment></w:comments>`,
  'word/settings.xml': `${XML}<w:settings ${W}><w:attachedTemplate r:id="rId1" xmlns:r="${REL}"/><w:rsids><w:rsidRoot w:val="00A1B2C3"/></w:rsids></w:settings>`,
  'word/_rels/settings.xml.rels': `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="file:///C:/Users/alice/Templates/Normal.dotm" TargetMode="External"/></Relationships>`,
  'word/printerSettings/printerSettings1.bin': strToU8('\\\\PRINT-MAIRIE\\HP LaserJet'),
  'word/media/image1.png': tinyPng(text('Comment', 'Alice')),
  'customXml/item1.xml': `${XML}<root><owner>alice@example.org</owner></root>`,
  'customXml/itemProps1.xml': `${XML}<ds:datastoreItem xmlns:ds="x" ds:itemID="{1}"/>`,
};

export function docx(parts: Readonly<Record<string, string | Uint8Array>> = DOCX_PARTS): Uint8Array {
  return zip(parts);
}

export function xlsx(): Uint8Array {
  return zip({
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="x" xmlns:x15ac="y"><x15ac:absPath url="C:\\Users\\alice\\Documents\\"/><sheets/></workbook>`,
    'xl/comments1.xml': `${XML}<comments xmlns="x"><authors><author>Alice Traoré</author></authors><commentList/></comments>`,
    'xl/persons/person.xml': `${XML}<personList xmlns="x"><person displayName="Alice Traoré" id="{1}" userId="alice@example.org" providerId="AD"/></personList>`,
  });
}

export function pptx(): Uint8Array {
  return zip({
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="ppt/presentation.xml"/></Relationships>`,
    'ppt/presentation.xml': `${XML}<p:presentation xmlns:p="x"/>`,
    'ppt/commentAuthors.xml': `${XML}<p:cmAuthorLst xmlns:p="x"><p:cmAuthor id="0" name="Alice Traoré" initials="AT" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>`,
    'ppt/comments/comment1.xml': `${XML}<p:cmLst xmlns:p="x"><p:cm authorId="0" dt="2024-01-02T03:04:05.000" idx="1"><p:text>ok</p:text></p:cm></p:cmLst>`,
  });
}

const ODF_MANIFEST = (extra: string): string =>
  `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>` +
  `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/>${extra}</manifest:manifest>`;

export function odt(extra: Readonly<Record<string, string | Uint8Array>> = {}, manifestExtra = ''): Uint8Array {
  return zip(
    {
      mimetype: 'application/vnd.oasis.opendocument.text',
      'META-INF/manifest.xml': ODF_MANIFEST(manifestExtra),
      'meta.xml': `${XML}<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="m" office:version="1.3"><office:meta><meta:initial-creator>Alice Traoré</meta:initial-creator><meta:generator>LibreOffice/7.4</meta:generator></office:meta></office:document-meta>`,
      'content.xml':
        `${XML}<office:document-content xmlns:office="o" xmlns:text="t" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:officeooo="ooo"><office:body><office:text>` +
        `<text:p officeooo:rsid="0012ab34">Le maire a reçu 2 millions.<office:annotation><dc:creator>Alice Traoré</dc:creator><dc:date>2024-01-02T03:04:05</dc:date><text:p>Vérifier</text:p></office:annotation></text:p></office:text></office:body></office:document-content>`,
      'settings.xml': `${XML}<office:document-settings xmlns:office="o" xmlns:config="c"><config:config-item config:name="PrinterName" config:type="string">PRINT-MAIRIE</config:config-item><config:config-item config:name="RsidRoot" config:type="int">1193524</config:config-item></office:document-settings>`,
      'Thumbnails/thumbnail.png': tinyPng(),
      'Pictures/photo.png': tinyPng(text('Author', 'Alice')),
      ...extra,
    },
    ['mimetype'],
  );
}
