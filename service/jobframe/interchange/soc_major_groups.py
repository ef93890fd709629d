"""The 23 major groups of the 2018 Standard Occupational Classification, as data.

O*NET's text release names occupations but not the SOC major groups their codes fall in
(the first two digits of an O*NET-SOC code); the O*NET import makes them the canon's job
functions with these titles. Source: U.S. Bureau of Labor Statistics, "2018 SOC Major
Groups" (https://www.bls.gov/soc/2018/major_groups.htm), a U.S. government work.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

SOC_MAJOR_GROUPS: Mapping[str, str] = MappingProxyType(
    {
        "11": "Management Occupations",
        "13": "Business and Financial Operations Occupations",
        "15": "Computer and Mathematical Occupations",
        "17": "Architecture and Engineering Occupations",
        "19": "Life, Physical, and Social Science Occupations",
        "21": "Community and Social Service Occupations",
        "23": "Legal Occupations",
        "25": "Educational Instruction and Library Occupations",
        "27": "Arts, Design, Entertainment, Sports, and Media Occupations",
        "29": "Healthcare Practitioners and Technical Occupations",
        "31": "Healthcare Support Occupations",
        "33": "Protective Service Occupations",
        "35": "Food Preparation and Serving Related Occupations",
        "37": "Building and Grounds Cleaning and Maintenance Occupations",
        "39": "Personal Care and Service Occupations",
        "41": "Sales and Related Occupations",
        "43": "Office and Administrative Support Occupations",
        "45": "Farming, Fishing, and Forestry Occupations",
        "47": "Construction and Extraction Occupations",
        "49": "Installation, Maintenance, and Repair Occupations",
        "51": "Production Occupations",
        "53": "Transportation and Material Moving Occupations",
        "55": "Military Specific Occupations",
    }
)
"""Major-group code (`11` of `11-0000`) -> its SOC 2018 title, in code order."""
