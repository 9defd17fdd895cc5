package io.minidrama.events.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * XML parsing hardened against XXE and entity expansion (OWASP XXE cheat sheet): DOCTYPE
 * declarations are refused outright, so no DTD, no external or internal entity can ever be defined;
 * external entities, external DTD loading and XInclude are also switched off in case a future
 * parser ignores the first feature. Elements nest at most {@link Bodies#MAX_DEPTH} deep.
 */
public final class SafeXml {
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SafeXml() {
    }

    /** Parses {@code xml} into a view of its root element's children. */
    public static Fields parse(String xml) {
        Document document;
        try {
            DocumentBuilder builder = newFactory().newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            // belt and braces: nothing may ever be fetched, even if a DTD slipped through
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            document = builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new MalformedBodyException("body refused: DOCTYPE declarations (DTDs, entities) are not allowed" + where);
            }
            throw new MalformedBodyException("body is not well-formed XML" + where);
        } catch (SAXException | IOException e) {
            throw new MalformedBodyException("body is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support the hardening features", e);
        }
        return new XmlFields(document.getDocumentElement());
    }

    private static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // the JDK parser's own element-depth limit (unlimited by default), behind Bodies' scan
        factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(Bodies.MAX_DEPTH));
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        return factory;
    }

    private static final class XmlFields implements Fields {
        private final Element element;

        XmlFields(Element element) {
            this.element = element;
        }

        @Override
        public Optional<String> text(String name) {
            return child(name).map(e -> {
                if (hasElementChildren(e)) {
                    throw new MalformedBodyException("<" + name + "> must hold text, not elements");
                }
                return e.getTextContent();
            });
        }

        @Override
        public Optional<Fields> object(String name) {
            return child(name).map(e -> {
                if (hasText(e)) {
                    throw new MalformedBodyException("<" + name + "> must hold elements, not text");
                }
                return new XmlFields(e);
            });
        }

        private Optional<Element> child(String name) {
            List<Element> found = new ArrayList<>(1);
            for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(n.getNodeName())) {
                    found.add((Element) n);
                }
            }
            if (found.size() > 1) {
                throw new MalformedBodyException("<" + name + "> appears more than once");
            }
            return found.stream().findFirst();
        }

        private static boolean hasText(Element e) {
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                short type = n.getNodeType();
                if ((type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) && !n.getNodeValue().isBlank()) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasElementChildren(Element e) {
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    return true;
                }
            }
            return false;
        }
    }
}
