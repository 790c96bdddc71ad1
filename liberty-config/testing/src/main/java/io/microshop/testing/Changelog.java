package io.microshop.testing;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/** A service's Liquibase changelog, as the consumer jar (on the test class path) carries it. */
public final class Changelog {

    private Changelog() {
    }

    /** The id of the last change set of {@code db/<service>/changelog.xml}. */
    public static String newestChangeSet(String service) throws Exception {
        String path = "db/" + service + "/changelog.xml";
        try (InputStream xml = Changelog.class.getClassLoader().getResourceAsStream(path)) {
            if (xml == null) {
                throw new IOException(path + " is not on the class path (is consumer-jar a test dependency?)");
            }
            NodeList changeSets = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml)
                    .getElementsByTagName("changeSet");
            return changeSets.item(changeSets.getLength() - 1).getAttributes().getNamedItem("id").getNodeValue();
        }
    }
}
