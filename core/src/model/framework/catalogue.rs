//! The framework's six pillars and seventeen elements, quoted from the NHS
//! Confederation's Health and Care LGBTQ+ Inclusion Framework (2022) with
//! attribution (see [`super::ATTRIBUTION`]).

use super::{Element, Pillar};

/// The six pillars, in the framework's order.
pub static PILLARS: [Pillar; 6] = [
    Pillar {
        number: 1,
        title: "We have visible leadership and confident staff",
        elements: &["1.1", "1.2", "1.3", "1.4"],
    },
    Pillar {
        number: 2,
        title: "We have a strong knowledge base",
        elements: &["2.1", "2.2", "2.3"],
    },
    Pillar {
        number: 3,
        title: "We are non-heteronormative and non-cisnormative in everything we do",
        elements: &["3.1", "3.2"],
    },
    Pillar {
        number: 4,
        title: "We take responsibility for collecting and reporting data",
        elements: &["4.1", "4.2", "4.3"],
    },
    Pillar {
        number: 5,
        title: "We listen to our service users",
        elements: &["5.1", "5.2", "5.3"],
    },
    Pillar {
        number: 6,
        title: "We proactively seek out partners to co-deliver services",
        elements: &["6.1", "6.2"],
    },
];

/// The seventeen elements, in the framework's order (`"1.1"` to `"6.2"`).
pub static ELEMENTS: [Element; 17] = [
    Element {
        id: "1.1",
        pillar: 1,
        title: "LGBTQ+ leaders are visible and can bring their whole selves to work",
        recommendation: "LGBTQ+ leaders should aim to be visible, bringing their whole selves to \
            work. This can be done with the support of the Health and Care LGBTQ+ Leaders \
            Network.",
    },
    Element {
        id: "1.2",
        pillar: 1,
        title: "LGBTQ+ staff network has been developed, is connected to decision-making and \
            informs service delivery and training",
        recommendation: "Encourage the development of LGBTQ+ staff networks, ensuring that they \
            are part of and connected to decision-making across the organisation. Use the \
            knowledge they generate to inform service delivery for training of non-LGBTQ+ staff.",
    },
    Element {
        id: "1.3",
        pillar: 1,
        title: "LGBTQ+ staff are supported when faced with conflict arising from their sexual \
            orientation and gender identity",
        recommendation: "Ensure LGBTQ+ staff are supported to deal with distress, exclusion and \
            conflict arising from patients and colleagues relating to their sexual orientation \
            and/or gender identity.",
    },
    Element {
        id: "1.4",
        pillar: 1,
        title: "Non-LGBTQ+ leaders model good allyship",
        recommendation: "Non-LGBTQ+ leaders should model good allyship, ensuring that diversity \
            in the workforce and the local population is reflected in diversity of leadership, \
            and organisational policy reflects the experiences of LGBTQ+ staff.",
    },
    Element {
        id: "2.1",
        pillar: 2,
        title: "Staff understand the specific needs of LGBTQ+ people and the health inequalities \
            they face",
        recommendation: "Ensure you and your staff understand the specific needs of LGBTQ+ \
            people, the health inequalities they face, and the variance of experience between \
            the L,G,B,T,Q and + identities, particularly that of transgender people.",
    },
    Element {
        id: "2.2",
        pillar: 2,
        title: "A safe space has been created for staff to learn and ask questions",
        recommendation: "Create a safe space for staff to learn and encourage them to be curious \
            about LGBTQ+ experiences, particularly where there is intersectionality between \
            protected characteristics.",
    },
    Element {
        id: "2.3",
        pillar: 2,
        title: "Our organisation is learning and using appropriate language",
        recommendation: "Take time to learn and use appropriate language. There can be a \
            significantly negative impact on LGBTQ+ individuals when appropriate language is not \
            used.",
    },
    Element {
        id: "3.1",
        pillar: 3,
        title: "Services are addressing the specific needs of LGBTQ+ people",
        recommendation: "When designing, commissioning and delivering services, consider whether \
            they address the specific needs of LGBTQ+ people.",
    },
    Element {
        id: "3.2",
        pillar: 3,
        title: "Gender identity and sexual orientation are not assumed; heterosexuality and \
            cisgender are not considered the default",
        recommendation: "Try not to assume a person's gender identity or sexual orientation. \
            Heterosexuality and cisgender should be considered a possibility, not a default.",
    },
    Element {
        id: "4.1",
        pillar: 4,
        title: "Gender identity and sexual orientation information are being proactively sought \
            from all staff and service users",
        recommendation: "Acknowledge that LGBTQ+ people are not one homogenous group, ensure you \
            are proactively seeking specific gender identity and sexual orientation information \
            from all service users and carers, and commit to reporting this to the NHS Data Set.",
    },
    Element {
        id: "4.2",
        pillar: 4,
        title: "Staff are confident and competent in collecting data",
        recommendation: "Ensure staff are confident and competent in collecting data about a \
            service user's gender identity or sexual orientation, creating a safe and inclusive \
            environment in which to collect it.",
    },
    Element {
        id: "4.3",
        pillar: 4,
        title: "L, G, B, T, and Q data is reviewed separately and acted on accordingly",
        recommendation: "Separate the data collected to better understand the issues specific to \
            your local LGBTQ+ community, and design services accordingly.",
    },
    Element {
        id: "5.1",
        pillar: 5,
        title: "LGBTQ+ voices are included in co-production",
        recommendation: "Organisations have a statutory duty to include service users and \
            community groups in the design and commissioning of services. When co-producing and \
            commissioning services, ensure LGBTQ+ voices are included.",
    },
    Element {
        id: "5.2",
        pillar: 5,
        title: "The needs of LGBTQ+ children and young people are being considered",
        recommendation: "Listen and respond to the needs of LGBTQ+ children and young people, \
            particularly around mental health.",
    },
    Element {
        id: "5.3",
        pillar: 5,
        title: "Action is being taken to create targeted interventions with the insight gathered",
        recommendation: "Take action to create targeted interventions with measurable outcomes, \
            using the insight you have gathered from LGBTQ+ service users.",
    },
    Element {
        id: "6.1",
        pillar: 6,
        title: "The knowledge and reach of third sector and community organisations are being \
            used to design or commission services",
        recommendation: "Use the knowledge and reach of third sector and community organisations \
            closely connected with the local LGBTQ+ population, to ensure the services you are \
            designing or commissioning are appropriate for your locality.",
    },
    Element {
        id: "6.2",
        pillar: 6,
        title: "Lasting and meaningful relationships with local LGBTQ+ organisations are being \
            fostered",
        recommendation: "Nurture lasting relationships with local LGBTQ+ organisations and bring \
            them into system-wide planning.",
    },
];
